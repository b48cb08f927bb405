terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

provider "aws" {
  region = var.region
}

# The role the pipeline assumes through GitHub's or GitLab's OIDC provider; no access keys.
data "aws_iam_openid_connect_provider" "ci" {
  url = "https://token.actions.githubusercontent.com"
}

resource "aws_cloudwatch_log_group" "service" {
  name              = "/waybill/${{ values.name }}"
  retention_in_days = 30
}
