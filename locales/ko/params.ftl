### 커넥터 인증 매개변수(`auth.params`)의 한국어 설명입니다.
### 영어 원문은 커넥터 카탈로그(schema/connectors.yaml)의 요약이며, ID는
### param-<커넥터>-<매개변수> 또는 모든 커넥터에 쓰이는 param-<매개변수>입니다.
### 인증 유형에 따라 뜻이 달라지는 매개변수는 $specSlug로 변형을 고릅니다.

## Generic descriptions

param-clientId = [!DNL { $connector }] 앱의 클라이언트 ID입니다.
param-clientSecret = [!DNL { $connector }] 앱의 클라이언트 암호입니다.
param-username = [!DNL { $connector }] 계정의 사용자 이름입니다.
param-password = [!DNL { $connector }] 계정의 암호입니다.

## Google Ads

param-ads-clientCustomerID = [!DNL Google Ads] 클라이언트 계정의 고객 ID입니다.
param-ads-developerToken = [!DNL Google Ads] 관리자 계정에 연결된 개발자 토큰입니다.
param-ads-authenticationType = [!DNL Google] 계정에 사용하는 인증 종류입니다.
param-ads-clientId = 새로 고침 토큰을 발급한 [!DNL Google] 앱의 클라이언트 ID입니다.
param-ads-clientSecret = 새로 고침 토큰을 발급한 [!DNL Google] 앱의 클라이언트 암호입니다.
param-ads-refreshToken = [!DNL Google]에서 [!DNL Google Ads] 액세스용으로 발급한 [!DNL OAuth] 새로 고침 토큰입니다.

## Mixpanel

param-mixpanel-host = [!DNL Mixpanel] 원시 데이터 내보내기 엔드포인트입니다(예: `https://data.mixpanel.com`).
param-mixpanel-username = [!DNL Mixpanel] 서비스 계정의 사용자 이름입니다.
param-mixpanel-password = [!DNL Mixpanel] 서비스 계정의 암호입니다.

## Amazon S3

param-s3-s3AccessKey = 버킷 소유자의 [!DNL AWS] 액세스 키 ID입니다.
param-s3-s3SecretKey = 액세스 키 ID와 짝을 이루는 [!DNL AWS] 비밀 액세스 키입니다.

## Salesforce

param-salesforce-environmentUrl =
    { $specSlug ->
        [basic-authentication] [!DNL Salesforce] 조직의 기본 URL로, `https://[domain].my.salesforce.com` 형식입니다.
       *[other] [!DNL Salesforce] 조직의 기본 URL입니다.
    }
param-salesforce-username = [!DNL Salesforce] 사용자의 로그인 이름입니다.
param-salesforce-password = 해당 [!DNL Salesforce] 사용자의 암호입니다.
param-salesforce-securityToken = 해당 [!DNL Salesforce] 사용자에게 발급된 보안 토큰입니다.
param-salesforce-apiVersion =
    { $specSlug ->
        [basic-authentication] 소수 형식의 [!DNL Salesforce] [!DNL REST] API 버전입니다(예: `52.0`). 지정하지 않으면 최신 버전을 사용합니다.
       *[other] 소수 형식의 [!DNL Salesforce] [!DNL REST] API 버전입니다(예: `60.0`).
    }
param-salesforce-clientId = 연결된 [!DNL Salesforce] 앱의 클라이언트 ID입니다.
param-salesforce-clientSecret = 연결된 [!DNL Salesforce] 앱의 클라이언트 암호입니다.
param-salesforce-jwtToken = 연결된 [!DNL Salesforce] 앱용으로 준비한 서명된 [!DNL JWT]입니다.
param-salesforce-instanceUrl = 연결할 [!DNL Salesforce] 인스턴스의 URL입니다.

## Zendesk

param-zendesk-subdomain = `https://yoursubdomain.zendesk.com` 형식의 계정 도메인입니다.
param-zendesk-accessToken = [!DNL Zendesk] API 토큰입니다.

## PostgreSQL

param-postgres-connectionString = `Server=...;Database=...;Port=...;UID=...;Password=...` 형식의 데이터베이스 연결 문자열입니다.

## Snowflake

param-snowflake-connectionString = 계정, 사용자, 암호, 데이터베이스, 웨어하우스를 포함하는 [!DNL JDBC] URL입니다.

## Shopify

param-shopify-host = [!DNL Shopify] 스토어의 엔드포인트입니다.
param-shopify-accessToken = [!DNL Shopify] 사용자 계정의 액세스 토큰입니다.

## HubSpot

param-hubspot-clientId = 사용자 [!DNL HubSpot] 앱의 클라이언트 ID입니다.
param-hubspot-clientSecret = 사용자 [!DNL HubSpot] 앱의 클라이언트 암호입니다.
param-hubspot-accessToken = 처음 인증할 때 받은 [!DNL OAuth] 액세스 토큰입니다.
param-hubspot-refreshToken = 처음 인증할 때 받은 [!DNL OAuth] 새로 고침 토큰입니다.

## PayPal (clientId and clientSecret use the generic descriptions)

param-paypal-host = [!DNL PayPal] API 호스트입니다. 설명서에는 기본값으로 `api.sandbox.paypal.com`이 나와 있습니다.

## Generic REST API

param-generic-rest-host =
    { $specSlug ->
        [oauth2refreshcode] [!DNL REST] 서비스의 기본 URL입니다. 이 값은 재정의할 수 없습니다.
       *[other] [!DNL REST] 서비스의 기본 URL입니다.
    }
param-generic-rest-accessToken = 호출을 승인하는 액세스 토큰입니다. 이 값은 재정의할 수 없습니다.
param-generic-rest-authorizationTestUrl = 기본 연결을 만들 때 자격 증명을 확인하는 데 사용하는 URL입니다.
param-generic-rest-clientId = 사용자 [!DNL OAuth] 앱의 클라이언트 ID입니다.
param-generic-rest-clientSecret = 사용자 [!DNL OAuth] 앱의 클라이언트 암호입니다.
param-generic-rest-refreshToken = 액세스 토큰이 만료된 뒤 새 액세스 토큰을 받는 데 사용하는 토큰입니다.
param-generic-rest-expirationDate = 액세스 토큰의 숨겨진 만료 날짜입니다.
param-generic-rest-accessTokenUrl = 액세스 토큰을 발급하는 엔드포인트입니다.
param-generic-rest-requestParameterOverride = 요청마다 재정의할 수 있는 자격 증명 매개변수를 지정합니다.
param-generic-rest-username = 계정의 사용자 이름입니다.
param-generic-rest-password = 계정의 암호입니다.

## HTTP API (streaming)

param-http-sourceId = 스트리밍 연결의 식별자입니다.
param-http-dataType = 스트리밍하는 데이터의 종류이며, 값은 `xdm`입니다.
param-http-name = 스트리밍 연결의 표시 이름입니다.
param-http-authenticationRequired = `true`이면 데이터를 보내는 쪽에서 `Authorization` 헤더를 제시해야 합니다.
