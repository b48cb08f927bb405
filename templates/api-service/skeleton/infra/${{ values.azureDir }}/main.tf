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

resource "azurerm_log_analytics_workspace" "service" {
  name                = "${{ values.name }}-logs"
  resource_group_name = var.resource_group
  location            = "westeurope"
  retention_in_days   = 30
}
