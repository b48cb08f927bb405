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

resource "google_logging_project_bucket_config" "service" {
  project        = var.project
  location       = "global"
  bucket_id      = "${{ values.name }}-logs"
  retention_days = 30
}
