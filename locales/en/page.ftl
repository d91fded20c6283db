### Connector tutorial pages (templates/connector.md), English: the source locale.
### Every other locale translates each message below. Markdown is allowed: keep [!DNL …]
### around product names, `code` around API names, and the variables as they are.
### Param descriptions are not here: English pages use the summaries of schema/connectors.yaml.

## Page chrome

locale-name = English
locale-switcher-label = Languages

## Front matter and introduction

page-title = Create a [!DNL { $connector }] base connection with the [!DNL Flow Service] API
page-description = Learn how to connect [!DNL Adobe Experience Platform] to [!DNL { $connector }] by creating a base connection with the [!DNL Flow Service] API.
intro = A base connection holds the authenticated link between a source and [!DNL Adobe Experience Platform]: the credentials, the state of the connection and its unique ID. This tutorial creates a base connection for [!DNL { $connector }] with a single call to the [!DNL Flow Service] API.
spec-id-note = The connection specification ID of [!DNL { $connector }] is fixed: `{ $specId }`. Every request in this tutorial sends it in `connectionSpec.id`.

## Before you begin

prerequisites-heading = Before you begin
prerequisites-body = You need access to an [!DNL Experience Platform] sandbox and credentials for the [!DNL Platform] APIs. To learn how to obtain them and how to call these APIs, read the [getting started guide for [!DNL Platform] APIs](https://experienceleague.adobe.com/docs/experience-platform/landing/platform-apis/api-guide.html).
headers-tip = Every request below sends the same headers: an access token in `Authorization`, your API key in `x-api-key`, your organization ID in `x-gw-ims-org-id` and the sandbox name in `x-sandbox-name`. Replace each value in braces with your own before you send a request.

## Credentials ($authCount: auth specs of the connector; $specName, $paramCount: one auth spec)

credentials-heading = Gather the required credentials
credentials-intro =
    { $authCount ->
        [one] [!DNL { $connector }] supports one authentication type. Collect the following values before you create the base connection.
       *[other] [!DNL { $connector }] supports { $authCount } authentication types. Choose one and collect its values before you create the base connection.
    }
auth-heading = Credentials for [!DNL { $specName }]
auth-params-intro =
    { $paramCount ->
        [one] The [!DNL { $specName }] authentication type takes one parameter in `auth.params`:
       *[other] The [!DNL { $specName }] authentication type takes { $paramCount } parameters in `auth.params`:
    }
table-parameter = Parameter
table-required = Required
table-description = Description
# $required: "yes" or "no".
table-required-value =
    { $required ->
        [yes] Yes
       *[no] No
    }

## Create the base connection

create-heading = Create a base connection
create-body = To create a base connection, make a POST request to the `/connections` endpoint of the [!DNL Flow Service] API. The request body names the authentication type in `auth.specName`, carries your credentials in `auth.params` and identifies [!DNL { $connector }] in `connectionSpec`.
api-format-label = API format
request-heading =
    { $authCount ->
        [one] Request
       *[other] Request with [!DNL { $specName }]
    }
request-intro = The following request creates a base connection for [!DNL { $connector }] with the [!DNL { $specName }] authentication type:
response-heading = Response
response-body = A successful response returns the unique identifier (`id`) of the new base connection and its `etag`. Keep the ID: you need it to explore your data and to create a dataflow in the next tutorials.

## Next steps

next-steps-heading = Next steps
next-steps-body = By following this tutorial, you have created a base connection for [!DNL { $connector }] with the [!DNL Flow Service] API. Use its ID to explore the structure and content of your data, then to create a dataflow that brings the data into [!DNL Experience Platform].
