terraform {
  required_version = ">= 1.6"
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
}

provider "google" {
  project = var.project
}

resource "google_pubsub_subscription" "work" {
  name  = "${{ values.queue }}-${{ values.name }}"
  topic = "${{ values.queue }}"
}
