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

resource "google_storage_bucket" "assets" {
  name                        = "${{ values.name }}-assets"
  location                    = "EU"
  uniform_bucket_level_access = true
}
