terraform {
  required_version = ">= 1.6"
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

provider "azurerm" {
  features {}
  use_oidc = true
}

variable "resource_group" {
  type = string
}

variable "servicebus_namespace_id" {
  type = string
}

resource "azurerm_servicebus_queue" "work" {
  name         = "${{ values.queue }}"
  namespace_id = var.servicebus_namespace_id
}
