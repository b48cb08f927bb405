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

resource "azurerm_storage_account" "assets" {
  name                     = "${{ values.name | replace("-", "") | truncate(20, true, "") }}st"
  resource_group_name      = var.resource_group
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}
