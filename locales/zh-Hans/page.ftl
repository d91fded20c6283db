### 连接器教程页面（templates/connector.md）的简体中文消息。
### 产品名称保留在 [!DNL …] 中，中文文字之间使用全角标点；中文复数规则只有 "other"，
### 因此数量为一时使用数字键 [1]。

## Page chrome

locale-name = 简体中文
locale-switcher-label = 语言

## Front matter and introduction

page-title = 使用 [!DNL Flow Service] API 创建 [!DNL { $connector }] 基本连接
page-description = 了解如何使用 [!DNL Flow Service] API 创建基本连接，将 [!DNL Adobe Experience Platform] 连接到 [!DNL { $connector }]。
intro = 基本连接保存源与 [!DNL Adobe Experience Platform] 之间经过身份验证的连接，包括凭据、连接状态及其唯一 ID。本教程只需调用一次 [!DNL Flow Service] API，即可为 [!DNL { $connector }] 创建基本连接。
spec-id-note = [!DNL { $connector }] 的连接规范 ID 是固定的：`{ $specId }`。本教程中的每个请求都会在 `connectionSpec.id` 中发送此 ID。

## Before you begin

prerequisites-heading = 开始之前
prerequisites-body = 您需要拥有 [!DNL Experience Platform] 沙盒的访问权限以及 [!DNL Platform] API 的凭据。要了解如何获取这些凭据以及如何调用这些 API，请阅读 [[!DNL Platform] API 快速入门指南](https://experienceleague.adobe.com/docs/experience-platform/landing/platform-apis/api-guide.html)。
headers-tip = 下面的每个请求都发送相同的标头：`Authorization` 中的访问令牌、`x-api-key` 中的 API 密钥、`x-gw-ims-org-id` 中的组织 ID，以及 `x-sandbox-name` 中的沙盒名称。发送请求之前，请将花括号中的每个值替换为您自己的值。

## Credentials

credentials-heading = 收集所需凭据
credentials-intro =
    { $authCount ->
        [1] [!DNL { $connector }] 支持一种身份验证类型。创建基本连接之前，请准备好以下值。
       *[other] [!DNL { $connector }] 支持 { $authCount } 种身份验证类型。请选择其中一种，并在创建基本连接之前准备好相应的值。
    }
auth-heading = [!DNL { $specName }] 的凭据
auth-params-intro =
    { $paramCount ->
        [1] [!DNL { $specName }] 身份验证类型在 `auth.params` 中接受以下参数：
       *[other] [!DNL { $specName }] 身份验证类型在 `auth.params` 中接受以下 { $paramCount } 个参数：
    }
table-parameter = 参数
table-required = 必需
table-description = 描述
table-required-value =
    { $required ->
        [yes] 是
       *[no] 否
    }

## Create the base connection

create-heading = 创建基本连接
create-body = 要创建基本连接，请向 [!DNL Flow Service] API 的 `/connections` 端点发出 POST 请求。请求正文在 `auth.specName` 中指定身份验证类型，在 `auth.params` 中提供凭据，并在 `connectionSpec` 中标识 [!DNL { $connector }]。
api-format-label = API 格式
request-heading =
    { $authCount ->
        [1] 请求
       *[other] 使用 [!DNL { $specName }] 的请求
    }
request-intro = 以下请求使用 [!DNL { $specName }] 身份验证类型为 [!DNL { $connector }] 创建基本连接：
response-heading = 响应
response-body = 成功的响应会返回新基本连接的唯一标识符（`id`）及其 `etag`。请保存此 ID：在后续教程中浏览数据和创建数据流时都需要用到它。

## Next steps

next-steps-heading = 后续步骤
next-steps-body = 通过本教程，您已使用 [!DNL Flow Service] API 为 [!DNL { $connector }] 创建了基本连接。您可以使用此连接的 ID 浏览数据的结构和内容，然后创建数据流，将数据引入 [!DNL Experience Platform]。
