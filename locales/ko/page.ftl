### 커넥터 튜토리얼 페이지(templates/connector.md)의 한국어 메시지입니다.
### 제품 이름은 [!DNL …]로 감싸고, 조사는 띄우지 않고 바로 붙이며, 받침에 따라 바뀌지 않는
### 조사(의, 에, 에서, 용)를 연결자 이름 뒤에 씁니다. 한국어 복수 규칙에는 "other"만 있으므로
### 하나일 때는 숫자 키 [1]로 구분합니다.

## Page chrome

locale-name = 한국어
locale-switcher-label = 언어

## Front matter and introduction

page-title = [!DNL Flow Service] API를 사용하여 [!DNL { $connector }] 기본 연결 만들기
page-description = [!DNL Flow Service] API로 기본 연결을 만들어 [!DNL Adobe Experience Platform]을 [!DNL { $connector }]에 연결하는 방법을 알아봅니다.
intro = 기본 연결은 소스와 [!DNL Adobe Experience Platform] 사이의 인증된 연결로, 자격 증명과 연결 상태, 고유 ID를 보관합니다. 이 튜토리얼에서는 [!DNL Flow Service] API를 한 번 호출하여 [!DNL { $connector }]용 기본 연결을 만듭니다.
spec-id-note = [!DNL { $connector }]의 연결 사양 ID는 고정 값인 `{ $specId }`입니다. 이 튜토리얼의 모든 요청은 이 값을 `connectionSpec.id`에 담아 보냅니다.

## Before you begin

prerequisites-heading = 시작하기 전에
prerequisites-body = [!DNL Experience Platform] 샌드박스에 액세스할 수 있어야 하며 [!DNL Platform] API용 자격 증명이 필요합니다. 자격 증명을 얻는 방법과 이 API를 호출하는 방법은 [[!DNL Platform] API 시작 안내서](https://experienceleague.adobe.com/docs/experience-platform/landing/platform-apis/api-guide.html)를 참조하십시오.
headers-tip = 아래의 모든 요청은 같은 헤더를 보냅니다. `Authorization`에는 액세스 토큰을, `x-api-key`에는 API 키를, `x-gw-ims-org-id`에는 조직 ID를, `x-sandbox-name`에는 샌드박스 이름을 넣습니다. 요청을 보내기 전에 중괄호로 묶인 값을 모두 사용자의 값으로 바꾸십시오.

## Credentials

credentials-heading = 필수 자격 증명 수집
credentials-intro =
    { $authCount ->
        [1] [!DNL { $connector }]에서 지원하는 인증 유형은 한 가지입니다. 기본 연결을 만들기 전에 다음 값을 준비하십시오.
       *[other] [!DNL { $connector }]에서 지원하는 인증 유형은 { $authCount }가지입니다. 그중 하나를 선택하고, 기본 연결을 만들기 전에 해당 인증 유형의 값을 준비하십시오.
    }
auth-heading = [!DNL { $specName }] 자격 증명
auth-params-intro =
    { $paramCount ->
        [1] [!DNL { $specName }] 인증 유형은 `auth.params`에 다음 매개변수 하나를 받습니다.
       *[other] [!DNL { $specName }] 인증 유형은 `auth.params`에 다음 매개변수 { $paramCount }개를 받습니다.
    }
table-parameter = 매개변수
table-required = 필수
table-description = 설명
table-required-value =
    { $required ->
        [yes] 예
       *[no] 아니요
    }

## Create the base connection

create-heading = 기본 연결 만들기
create-body = 기본 연결을 만들려면 [!DNL Flow Service] API의 `/connections` 엔드포인트에 POST 요청을 보냅니다. 요청 본문의 `auth.specName`에는 인증 유형을, `auth.params`에는 자격 증명을, `connectionSpec`에는 [!DNL { $connector }]의 연결 사양을 지정합니다.
api-format-label = API 형식
request-heading =
    { $authCount ->
        [1] 요청
       *[other] [!DNL { $specName }] 인증 요청
    }
request-intro = 다음 요청은 [!DNL { $specName }] 인증 유형으로 [!DNL { $connector }]의 기본 연결을 만듭니다.
response-heading = 응답
response-body = 요청이 성공하면 새 기본 연결의 고유 식별자(`id`)와 `etag`가 반환됩니다. 다음 튜토리얼에서 데이터를 탐색하고 데이터 흐름을 만들 때 이 ID가 필요하므로 보관해 두십시오.

## Next steps

next-steps-heading = 다음 단계
next-steps-body = 이 튜토리얼에서는 [!DNL Flow Service] API로 [!DNL { $connector }]의 기본 연결을 만들었습니다. 이 연결의 ID로 데이터의 구조와 내용을 탐색한 다음, 데이터를 [!DNL Experience Platform]에 가져오는 데이터 흐름을 만드십시오.
