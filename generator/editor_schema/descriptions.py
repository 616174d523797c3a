"""What each YAML key means, in Chinese and English, for an editor's hover text.

The model says what a key *is* (its type, its rule); this catalogue says what it is *for*, in
the words of the format documentation (``docs/`` and the spec's alliance-format.md). Keys
that mean the same everywhere (``id``, ``date``, ``evidence``…) are written once; a key whose
meaning depends on its record is written as ``Model.key``. A test checks that every key of
every model has an entry, so a new key cannot ship without its explanation.
"""

from __future__ import annotations

# (Chinese, English)
Doc = tuple[str, str]

MODEL_DOCS: dict[str, Doc] = {
    "AllianceInfo": ("alliance.yml：聯盟基本資料、網站內容、會員方案、預期成果與年度項目",
                     "alliance.yml: identity, site content, tiers, targets and yearly items"),
    "Member": ("一家會員廠商與其會員合約", "One member company and its membership contracts"),
    "Activity": ("一場活動：推廣、研討會、專業諮詢或訪廠", "One activity: promotion, seminar, "
                 "consulting or on-site visit"),
    "Outcomes": ("outcomes.yml：收入與第 6、7、8 項成果（金額單位仟元）",
                 "outcomes.yml: income and the outputs of items 6, 7 and 8 (thousands of NTD)"),
    "LocalText": ("中文（必填）與英文（選填）", "Chinese (required) and English (optional)"),
    "Image": ("公開圖片：media/ 下的檔案與替代文字", "A public image: a file under media/ and its "
              "alt text"),
    "ProjectInfo": ("計畫編號與期程", "The grant number and the phase's years"),
    "TeamMember": ("團隊成員（公開）", "A team member (public)"),
    "Contact": ("聯盟辦公室聯絡資料（公開）", "The alliance office's contact data (public)"),
    "Website": ("聯盟宣傳網站", "The alliance's promotional website"),
    "Capability": ("一項技術能量（公開）", "One capability (public)"),
    "Service": ("一項服務（公開）", "One service (public)"),
    "Membership": ("會員方案", "Membership tiers and how to join"),
    "Tier": ("一種會員等級", "One membership tier"),
    "Highlights": ("第 1 項計畫亮點（合計 250 字以內，R8）",
                   "Item 1 highlights (250 characters in all, R8)"),
    "StaffCount": ("一年的研究生與助理人數", "A year's students and staff"),
    "Staffing": ("第 10 項計畫核定研究生與助理人數", "Item 10: approved students and staff"),
    "Contract": ("一期會員合約；除起訖日與會費外皆不公開", "One contract term; all but its dates "
                 "and fee is PRIVATE"),
    "Signatures": ("合約用印（R10）", "The contract's signatures and seals (R10)"),
    "Income": ("一筆營運收入（第 3 項，R12）", "One operating income record (item 3, R12)"),
    "MemberOutput": ("與會員共同開發的新產品或新技術（第 6 項）",
                     "A new product or technology developed with a member (item 6)"),
    "Patent": ("一件專利（第 6 項）", "One patent (item 6)"),
    "TechnicalService": ("一件技術服務（第 7 項）", "One technical service (item 7)"),
    "Transfer": ("一件技術移轉（第 7 項）", "One technology transfer (item 7)"),
    "Project": ("一件產學合作計畫（第 7 項）", "One industry–academia project (item 7)"),
    "Period": ("計畫執行期間", "The project's period"),
    "MemberOutcome": ("會員的衍生成果（第 8 項）", "A member's outcomes (item 8)"),
    "NewsFrontMatter": ("消息的 front matter", "A news post's front matter"),
}

# Keys that mean the same in every record.
KEY_DOCS: dict[str, Doc] = {
    "id": ("代碼：小寫英文字母、數字與「-」，在清單內不可重複",
           "Id: lowercase letters, digits and '-', unique within its list"),
    "date": ("日期，西元 YYYY-MM-DD；決定計入哪個年度（R5）",
             "Date, YYYY-MM-DD; decides the one year it counts in (R5)"),
    "title": ("標題（公開）", "Title (public)"),
    "name": ("名稱", "Name"),
    "summary": ("摘要，可用 Markdown", "Summary, Markdown allowed"),
    "member": ("會員代碼（members.yml 的 id）", "A member id from members.yml"),
    "public": ("是否公開", "Whether it is public"),
    "photos": ("照片（media/ 下的圖片，各附替代文字）", "Photos (images under media/, each with "
               "alt text)"),
    "evidence": ("佐證檔（evidence/ 下）；永不公開", "Evidence file(s) under evidence/; never "
                 "published (PRIVATE)"),
    "amount": ("金額，單位仟元（3 萬元填 30）", "Amount in thousands of NTD (30 for NT$30,000)"),
    "fee": ("年費，單位仟元；0 表示免費", "Fee a year, thousands of NTD; 0 is free"),
    "note": ("備註", "Note"),
    "email": ("電子郵件", "E-mail address"),
    "phone": ("電話", "Phone number"),
    "address": ("地址", "Address"),
    "hours": ("服務時間，例如 週一至週五 09:00–17:00（公開）",
              "Office hours, e.g. Mon–Fri 09:00–17:00 (public)"),
    "start": ("開始日 YYYY-MM-DD", "Start date, YYYY-MM-DD"),
    "end": ("結束日 YYYY-MM-DD", "End date, YYYY-MM-DD"),
    "zh": ("中文（正體）", "Traditional Chinese"),
    "en": ("英文", "English"),
    "src": ("media/ 下的檔案路徑", "A file path under media/"),
    "alt": ("替代文字：描述圖片內容，給看不到圖片的人", "Alt text: what the picture shows, for "
            "people who cannot see it"),
    "image": ("圖片", "Image"),
    "status": ("狀態", "Status"),
}

# Keys whose meaning depends on the record: "Model.key".
FIELD_DOCS: dict[str, Doc] = {
    "AllianceInfo.id": ("聯盟代碼，必須與資料夾名稱相同（網址由此產生）",
                        "The alliance id; equals the folder name (the site's address uses it)"),
    "AllianceInfo.name": ("聯盟名稱（公開）", "The alliance's name (public)"),
    "AllianceInfo.tagline": ("一句話介紹（公開）", "A one-line tagline (public)"),
    "AllianceInfo.project": ("計畫資料", "The grant"),
    "AllianceInfo.institution": ("執行學校（公開）", "The university (public)"),
    "AllianceInfo.team": ("團隊，恰好一位 pi", "The team, with exactly one pi"),
    "AllianceInfo.contact": ("聯盟辦公室聯絡方式（公開）", "The alliance office (public)"),
    "AllianceInfo.website": ("宣傳網站", "The promotional website"),
    "AllianceInfo.about": ("聯盟簡介，可用 Markdown（公開）", "About the alliance, Markdown "
                           "(public)"),
    "AllianceInfo.field": ("審查學門：民生化工、生醫、機電材料或土木能環（入口網站分類）",
                           "Review group: 民生化工, 生醫, 機電材料 or 土木能環 (the portal's "
                           "field filter)"),
    "AllianceInfo.logo": ("聯盟標誌（media/ 下，入口網站卡片用，公開）",
                          "The alliance's logo under media/, on its portal card (public)"),
    "AllianceInfo.capabilities": ("技術能量（公開）", "Capabilities (public)"),
    "AllianceInfo.services": ("服務項目（公開）", "Services (public)"),
    "AllianceInfo.membership": ("會員方案（公開）", "Membership tiers (public)"),
    "AllianceInfo.targets": ("各年度預期成果：年度 → KPI 項目 → 數值",
                             "Expected results per year: year → KPI key → number"),
    "AllianceInfo.highlights": ("各年度計畫亮點（第 1 項）", "Highlights per year (item 1)"),
    "AllianceInfo.staffing": ("各年度研究生與助理人數（第 10 項）",
                              "Students and staff per year (item 10)"),
    "AllianceInfo.other_results": ("各年度其它重要成果（第 9 項，公開）",
                                   "Other important results per year (item 9, public)"),
    "AllianceInfo.ministry": ("補助部會，網站致謝用；預設國家科學及技術委員會",
                              "The funding ministry for the site's credit line; default NSTC"),
    "AllianceInfo.regions": ("縣市 → 區域（north/central/south/east）的覆寫；金門、連江必填",
                             "County → region overrides (north/central/south/east); needed "
                             "for 金門 and 連江"),
    "ProjectInfo.number": ("計畫編號，例如 MOST 104-2622-E-011-001-CC1",
                           "The grant number, e.g. MOST 104-2622-E-011-001-CC1"),
    "ProjectInfo.first_year": ("本期第一個執行年度（西元）", "The phase's first performance "
                               "year"),
    "ProjectInfo.years": ("本期年數（通常 3）", "Years in this phase (normally 3)"),
    "ProjectInfo.phase": ("第幾期：1 或 2", "The phase: 1 or 2"),
    "TeamMember.name": ("姓名", "Name"),
    "TeamMember.role": ("角色：pi 主持人、co_pi 共同主持人、member、assistant、student",
                        "Role: pi, co_pi, member, assistant, student"),
    "TeamMember.title": ("職稱", "Job title"),
    "TeamMember.department": ("系所", "Department"),
    "TeamMember.photo": ("照片", "Photo"),
    "Website.url": ("網站網址", "Where the site is published"),
    "Website.established": ("網站設立年月 YYYY-MM（R7）", "The month the site went up, YYYY-MM "
                            "(R7)"),
    "Capability.image": ("圖片", "Image"),
    "Membership.tiers": ("會員等級，至少一種", "Membership tiers, at least one"),
    "Membership.how_to_join": ("如何入會（公開）", "How to join (public)"),
    "Membership.application_form": ("入會申請表（media/ 下的下載檔）",
                                    "The application form (a download under media/)"),
    "Service.type": ("服務類型：consulting 諮詢、testing 檢測、visit 訪廠、training 訓練、"
                     "matching 媒合（入口網站篩選用）",
                     "Service type: consulting, testing, visit, training or matching (the "
                     "portal's service filter)"),
    "Tier.id": ("等級代碼，members.yml 的 tier 以此引用", "The tier id that members.yml's tier "
                "names"),
    "Tier.name": ("等級名稱", "The tier's name"),
    "Tier.benefits": ("會員權益", "Benefits"),
    "Tier.visits": ("年費含訪廠次數", "On-site visits a year included in the fee"),
    "Highlights.points": ("亮點條列", "Highlight points"),
    "Staffing.actual": ("實際聘用人數（選填），與核定人數分列於第 10 項說明",
                        "People actually hired (optional), reported beside the approved numbers "
                        "in item 10's text"),
    "Staffing.undergraduate": ("大學生人數", "Undergraduates"),
    "Staffing.master": ("碩士生人數", "Master's students"),
    "Staffing.phd": ("博士生人數", "PhD students"),
    "Staffing.postdoc": ("博士後人數", "Postdocs"),
    "Staffing.assistant": ("專任助理人數", "Full-time assistants"),
    "Member.name": ("公司名稱；只有 public: true 時公開", "The company's name; public only with "
                    "public: true"),
    "Member.kind": ("company 公司（計入會員數）、legal_entity 法人、individual 個人（不計入，R9）",
                    "company (counted), legal_entity or individual (not counted, R9)"),
    "Member.city": ("縣市，例如 新竹縣、臺中市；決定北中南東區域",
                    "County or city, e.g. 新竹縣, 臺中市; gives the region"),
    "Member.tier": ("會員等級代碼（alliance.yml membership.tiers 的 id）",
                    "A tier id from alliance.yml's membership.tiers"),
    "Member.public": ("會員同意公開名稱與標誌", "The member's consent to be named (name, logo)"),
    "Member.website": ("公司網站（同意公開時才顯示）", "The company's website (shown with "
                       "consent)"),
    "Member.logo": ("公司標誌（同意公開時才顯示）", "The company's logo (shown with consent)"),
    "Member.contracts": ("會員合約，一期一份；須跨當年 10/31 才計入（R10）",
                         "Contracts, one per term; counted when one spans Oct 31 (R10)"),
    "Contract.fee": ("年費，單位仟元；省略時採用會員等級的年費", "Fee a year, thousands of NTD; "
                     "defaults to the tier's fee"),
    "Contract.representative": ("負責人（不公開）", "The representative (PRIVATE)"),
    "Contract.address": ("公司地址（不公開）", "The company's address (PRIVATE)"),
    "Contract.phone": ("公司電話（不公開）", "The company's phone (PRIVATE)"),
    "Contract.signed": ("主持人、學校（院級以上）與會員三方簽章（R10）",
                        "Signed by the PI, the school (college level or above) and the member "
                        "(R10)"),
    "Signatures.pi": ("主持人已簽章", "The PI signed"),
    "Signatures.school_seal": ("學校（院級以上）已用印", "The school's seal (college level or "
                               "above)"),
    "Signatures.member": ("會員已用印", "The member's seal"),
    "Activity.kind": ("promotion 推廣（第 4 項）、seminar 研討會、consulting 諮詢、visit 訪廠"
                      "（第 5 項）；只能一種（R14、R15）",
                      "promotion (item 4), seminar, consulting, visit (item 5); exactly one "
                      "(R14, R15)"),
    "Activity.participants": ("研討會參與人數、諮詢人數或訪廠指導人數",
                              "Seminar participants, persons consulted or persons at a visit"),
    "Activity.venue": ("活動地點；同日同地的推廣與研討會視為同一場（R14）",
                       "Where it took place; a promotion and a seminar on the same day at the "
                       "same venue are one event (R14)"),
    "Activity.members": ("服務的會員代碼", "Ids of the members served"),
    "Activity.public": ("是否公開；預設 promotion、seminar 公開，consulting、visit 不公開",
                        "Public? Default: promotion and seminar yes, consulting and visit no"),
    "Outcomes.income": ("收入（第 3 項）：只限會員費、技術服務、其它（R12）",
                        "Income (item 3): membership, technical_service, other only (R12)"),
    "Outcomes.products": ("新產品（第 6 項）", "New products (item 6)"),
    "Outcomes.technologies": ("新技術（第 6 項）", "New technologies (item 6)"),
    "Outcomes.patents": ("專利（第 6 項）", "Patents (item 6)"),
    "Outcomes.technical_services": ("技術服務（第 7 項）", "Technical services (item 7)"),
    "Outcomes.transfers": ("技術移轉（第 7 項）", "Technology transfers (item 7)"),
    "Outcomes.projects": ("產學合作計畫（第 7 項）", "Industry–academia projects (item 7)"),
    "Outcomes.member_outcomes": ("會員衍生成果（第 8 項）", "Member outcomes (item 8)"),
    "Income.note": ("收入來源說明；kind: other 必填，捐贈、獎勵金、補助、技轉等不可列入（R12）",
                    "What the income is for; required for kind: other, and donations, awards, "
                    "grants or transfer fees are refused (R12)"),
    "Income.kind": ("membership 會員費、technical_service 技術服務、other 其它",
                    "membership, technical_service or other"),
    "Income.payer": ("付款者（會員代碼）；不公開", "Who paid (a member id); PRIVATE"),
    "Income.evidence": ("主計核章收據（evidence/ 下）；不公開", "The accounting office's sealed "
                        "receipt under evidence/; PRIVATE"),
    "MemberOutput.public": ("是否公開（預設公開）", "Public? (default yes)"),
    "Patent.status": ("filed 申請中、granted 已獲證", "filed or granted"),
    "Patent.number": ("專利號或申請號（不可寫「申請中」，R16）",
                      "The patent or application number (never 'pending', R16)"),
    "Patent.country": ("國別代碼，預設 TW", "Country code, default TW"),
    "TechnicalService.income": ("對應的 technical_service 收入代碼（R13）",
                                "The matching technical_service income id (R13)"),
    "Transfer.licensor": ("授權人：主持人或共同主持人姓名（R18）",
                          "The licensor: the PI or a co-PI by name (R18)"),
    "Project.signed": ("簽約日 YYYY-MM-DD；已簽約必填", "The signing day; required when signed"),
    "Project.funder": ("出資單位", "The funder"),
    "Project.period": ("執行期間", "The project's period"),
    "Project.signatory": ("簽約人：主持人或共同主持人姓名（R18）",
                          "The signatory: the PI or a co-PI by name (R18)"),
    "Project.status": ("signed 已簽約（計入）、pending 未簽約（R19）",
                       "signed (counted) or pending (R19)"),
    "MemberOutcome.year": ("年度（西元）", "The performance year"),
    "MemberOutcome.new_hires": ("新聘人數", "New hires"),
    "MemberOutcome.output_value": ("衍生產值，單位仟元", "Output value, thousands of NTD"),
    "NewsFrontMatter.categories": ("分類代碼", "Category ids"),
    "NewsFrontMatter.slug": ("網址代稱（英文小寫）", "The URL slug (lowercase ASCII)"),
}


# Staffing inherits its counts from StaffCount (its ``actual`` holds another StaffCount):
# the same words serve both.
FIELD_DOCS.update({f"StaffCount.{k.split('.', 1)[1]}": v for k, v in list(FIELD_DOCS.items())
                   if k.startswith("Staffing.") and k != "Staffing.actual"})


def key_doc(model: str, key: str) -> Doc | None:
    """The explanation of ``key`` in ``model``: the record's own first, then the shared one."""
    return FIELD_DOCS.get(f"{model}.{key}") or KEY_DOCS.get(key)


def joined(doc: Doc) -> str:
    """Both languages in one hover text, Chinese first as the assistants read it."""
    return f"{doc[0]}\n\n{doc[1]}"
