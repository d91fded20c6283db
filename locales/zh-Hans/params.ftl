### 连接器身份验证参数（`auth.params`）的简体中文描述。
### 英文原文是连接器目录（schema/connectors.yaml）中的摘要；ID 为
### param-<连接器>-<参数>，或适用于所有连接器的 param-<参数>。
### 参数含义随身份验证类型而变化时，用 $specSlug 选择变体。

## Generic descriptions

param-clientId = [!DNL { $connector }] 应用程序的客户端 ID。
param-clientSecret = [!DNL { $connector }] 应用程序的客户端密码。
param-username = [!DNL { $connector }] 账户的用户名。
param-password = [!DNL { $connector }] 账户的密码。

## Google Ads

param-ads-clientCustomerID = [!DNL Google Ads] 客户账户的客户 ID。
param-ads-developerToken = 与 [!DNL Google Ads] 经理账户关联的开发者令牌。
param-ads-authenticationType = [!DNL Google] 账户所用的身份验证类型。
param-ads-clientId = 颁发刷新令牌的 [!DNL Google] 应用程序的客户端 ID。
param-ads-clientSecret = 颁发刷新令牌的 [!DNL Google] 应用程序的客户端密码。
param-ads-refreshToken = [!DNL Google] 为访问 [!DNL Google Ads] 而颁发的 [!DNL OAuth] 刷新令牌。

## Mixpanel

param-mixpanel-host = [!DNL Mixpanel] 原始数据导出端点，例如 `https://data.mixpanel.com`。
param-mixpanel-username = [!DNL Mixpanel] 服务账户的用户名。
param-mixpanel-password = [!DNL Mixpanel] 服务账户的密钥。

## Amazon S3

param-s3-s3AccessKey = 存储桶所有者的 [!DNL AWS] 访问密钥 ID。
param-s3-s3SecretKey = 与访问密钥 ID 配对的 [!DNL AWS] 秘密访问密钥。

## Salesforce

param-salesforce-environmentUrl =
    { $specSlug ->
        [basic-authentication] [!DNL Salesforce] 组织的基本 URL，格式为 `https://[domain].my.salesforce.com`。
       *[other] [!DNL Salesforce] 组织的基本 URL。
    }
param-salesforce-username = [!DNL Salesforce] 用户的登录名。
param-salesforce-password = 该 [!DNL Salesforce] 用户的密码。
param-salesforce-securityToken = 为该 [!DNL Salesforce] 用户颁发的安全令牌。
param-salesforce-apiVersion =
    { $specSlug ->
        [basic-authentication] 以小数表示的 [!DNL Salesforce] [!DNL REST] API 版本，例如 `52.0`；未设置时使用最新版本。
       *[other] 以小数表示的 [!DNL Salesforce] [!DNL REST] API 版本，例如 `60.0`。
    }
param-salesforce-clientId = 已连接的 [!DNL Salesforce] 应用程序的客户端 ID。
param-salesforce-clientSecret = 已连接的 [!DNL Salesforce] 应用程序的客户端密码。
param-salesforce-jwtToken = 为已连接的 [!DNL Salesforce] 应用程序准备的已签名 [!DNL JWT]。
param-salesforce-instanceUrl = 要连接的 [!DNL Salesforce] 实例的 URL。

## Zendesk

param-zendesk-subdomain = 账户域，格式为 `https://yoursubdomain.zendesk.com`。
param-zendesk-accessToken = [!DNL Zendesk] API 令牌。

## PostgreSQL

param-postgres-connectionString = 数据库连接字符串，格式为 `Server=...;Database=...;Port=...;UID=...;Password=...`。

## Snowflake

param-snowflake-connectionString = 包含账户、用户、密码、数据库和仓库信息的 [!DNL JDBC] URL。

## Shopify

param-shopify-host = [!DNL Shopify] 商店的端点。
param-shopify-accessToken = [!DNL Shopify] 用户账户的访问令牌。

## HubSpot

param-hubspot-clientId = 您的 [!DNL HubSpot] 应用程序的客户端 ID。
param-hubspot-clientSecret = 您的 [!DNL HubSpot] 应用程序的客户端密码。
param-hubspot-accessToken = 首次授权时获得的 [!DNL OAuth] 访问令牌。
param-hubspot-refreshToken = 首次授权时获得的 [!DNL OAuth] 刷新令牌。

## PayPal (clientId and clientSecret use the generic descriptions)

param-paypal-host = [!DNL PayPal] API 主机。文档将 `api.sandbox.paypal.com` 列为默认值。

## Generic REST API

param-generic-rest-host =
    { $specSlug ->
        [oauth2refreshcode] [!DNL REST] 服务的基本 URL，不可覆盖。
       *[other] [!DNL REST] 服务的基本 URL。
    }
param-generic-rest-accessToken = 用于授权调用的访问令牌，不可覆盖。
param-generic-rest-authorizationTestUrl = 创建基本连接时用于验证凭据的 URL。
param-generic-rest-clientId = 用户 [!DNL OAuth] 应用程序的客户端 ID。
param-generic-rest-clientSecret = 用户 [!DNL OAuth] 应用程序的客户端密码。
param-generic-rest-refreshToken = 访问令牌过期后用于获取新访问令牌的令牌。
param-generic-rest-expirationDate = 访问令牌的隐藏到期日期。
param-generic-rest-accessTokenUrl = 颁发访问令牌的端点。
param-generic-rest-requestParameterOverride = 指定每个请求可以覆盖哪些凭据参数。
param-generic-rest-username = 账户的用户名。
param-generic-rest-password = 账户的密码。

## HTTP API (streaming)

param-http-sourceId = 流连接的标识符。
param-http-dataType = 流式传输的数据类型，即 `xdm`。
param-http-name = 流连接的显示名称。
param-http-authenticationRequired = 值为 `true` 时，发送方必须提供 `Authorization` 标头。
