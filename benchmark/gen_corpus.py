#!/usr/bin/env python3
"""Generate a deterministic bilingual content folder for benchmarking `portal build`.

    python3 benchmark/gen_corpus.py --posts 1000 --out /tmp/corpus/Content [--seed 1] \
        [--bodies-out /tmp/corpus/bodies] [--shape links|wide] [--real-content Content]

What follows is the default shape, `links`. The `wide` shape (see SHAPES) differs: 8 large tags,
external links only, the posts in vi/bai-viet and en/articles (no `_index.md`), and the
repository's real Content/ copied alongside (its site.yml with paginate 20 and no banner).

Writes a complete portal content folder (README, "Content"):

    OUT/site.yml                 paginate 20, vi (default) and en, menus to the news sections
    OUT/vi/_index.md             home pages, paired by translationKey
    OUT/en/_index.md
    OUT/vi/tin-tuc/_index.md     the news sections, paired by translationKey
    OUT/en/news/_index.md
    OUT/vi/tin-tuc/YYYY-MM-DD-<slug>.md   N posts per language; post k of each language
    OUT/en/news/YYYY-MM-DD-<slug>.md      shares translationKey `post-<k>`

Each post's front matter has title, date (2021-01-01 … 2026-11-28, all distinct, Viet Nam
time), summary, translationKey and 2-4 tags from a pool of 60 Vietnamese/English pairs. The
bodies are Vietnamese (NFC, real syllables) and English renderings of the same sentences on
ASEAN socio-cultural topics in Da Nang: `##`/`###` headings, paragraphs with emphasis and
links, bullet and numbered lists; in a share of posts GFM tables, blockquotes, footnotes,
strikethrough, task lists and bare autolinks. Links to other posts are relative `.md` links
(some with a `#fragment` of a heading every post has), so every target exists and is
published at `--now 2026-11-29T12:00`.

Median body length is about 650 syllables (vi) and 470 words (en); about 4 % of the
Vietnamese posts are long reports over 2,500 syllables. The output is byte for byte the same for the same
(--posts, --seed). With --bodies-out, the bodies alone (no front matter) are also written,
one file per post, named `<lang>-<slug>.md`, for the cmark-gfm floor. Standard library only.
"""

import argparse
import math
import os
import random
import re
import shutil
import sys
import unicodedata
from datetime import datetime, timedelta

# --------------------------------------------------------------------------- vocabulary
# Every entry is a (Vietnamese, English) pair: an English post renders its Vietnamese pair
# sentence by sentence, as the portal's bilingual editors do.

# Actors are grammatically singular in English (agreement with "continues", "has").
ACTORS = [
    ("Ủy ban nhân dân thành phố", "the City People's Committee"),
    ("Sở Ngoại vụ", "the Department of Foreign Affairs"),
    ("Sở Giáo dục và Đào tạo", "the Department of Education and Training"),
    ("Sở Y tế", "the Department of Health"),
    ("Sở Văn hóa và Thể thao", "the Department of Culture and Sports"),
    ("Sở Du lịch", "the Department of Tourism"),
    ("Sở Lao động – Thương binh và Xã hội", "the Department of Labour, Invalids and Social Affairs"),
    ("Sở Tài nguyên và Môi trường", "the Department of Natural Resources and Environment"),
    ("Sở Khoa học và Công nghệ", "the Department of Science and Technology"),
    ("Sở Nội vụ", "the Department of Home Affairs"),
    ("Thành đoàn Đà Nẵng", "the Da Nang Youth Union"),
    ("Hội Liên hiệp Phụ nữ thành phố", "the City Women's Union"),
    ("Liên hiệp các tổ chức hữu nghị thành phố", "the City Union of Friendship Organisations"),
    ("Đại học Đà Nẵng", "the University of Da Nang"),
    ("Trung tâm Xúc tiến Du lịch Đà Nẵng", "the Da Nang Tourism Promotion Centre"),
    ("Văn phòng Ủy ban nhân dân thành phố", "the Office of the City People's Committee"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "the city's Viet Nam Fatherland Front Committee"),
    ("Ủy ban nhân dân quận Hải Châu", "the Hai Chau District People's Committee"),
    ("Ủy ban nhân dân quận Sơn Trà", "the Son Tra District People's Committee"),
    ("Ủy ban nhân dân huyện Hòa Vang", "the Hoa Vang District People's Committee"),
]

TOPICS = [
    ("giáo dục và đào tạo", "education and training"),
    ("chăm sóc sức khỏe cộng đồng", "community health care"),
    ("bảo tồn và phát huy giá trị di sản văn hóa", "conserving and promoting cultural heritage"),
    ("phát triển du lịch bền vững", "sustainable tourism development"),
    ("bình đẳng giới", "gender equality"),
    ("bảo vệ và chăm sóc trẻ em", "child protection and care"),
    ("an sinh xã hội", "social security"),
    ("ứng phó với biến đổi khí hậu", "climate change response"),
    ("phòng, chống thiên tai", "disaster prevention and control"),
    ("chuyển đổi số trong khu vực công", "digital transformation of public services"),
    ("phát triển thanh niên", "youth development"),
    ("giao lưu văn hóa, nghệ thuật", "cultural and artistic exchange"),
    ("thể dục, thể thao", "physical education and sports"),
    ("quản lý lao động di cư", "the management of migrant labour"),
    ("chăm sóc người cao tuổi", "care for older people"),
    ("hỗ trợ người khuyết tật", "support for people with disabilities"),
    ("quản lý chất thải rắn", "solid waste management"),
    ("giảm nghèo bền vững", "sustainable poverty reduction"),
    ("giáo dục nghề nghiệp", "vocational education"),
    ("an toàn thực phẩm", "food safety"),
    ("phòng, chống mua bán người", "the fight against human trafficking"),
    ("bảo vệ môi trường biển", "protection of the marine environment"),
]

EVENTS = [
    ("hội thảo", "a workshop"), ("diễn đàn", "a forum"), ("hội nghị", "a conference"),
    ("buổi tọa đàm", "a seminar"), ("chương trình giao lưu", "an exchange programme"),
    ("lớp tập huấn", "a training course"), ("tuần lễ văn hóa", "a cultural week"),
    ("buổi làm việc", "a working session"),
]

PLACES = [
    ("Trung tâm Hành chính thành phố", "the City Administrative Centre"),
    ("Cung Thể thao Tiên Sơn", "Tien Son Sports Palace"),
    ("Bảo tàng Điêu khắc Chăm", "the Museum of Cham Sculpture"),
    ("Nhà hát Trưng Vương", "Trung Vuong Theatre"),
    ("Công viên Biển Đông", "East Sea Park"),
    ("Trường Đại học Ngoại ngữ", "the University of Foreign Language Studies"),
    ("quận Liên Chiểu", "Lien Chieu District"),
    ("quận Ngũ Hành Sơn", "Ngu Hanh Son District"),
    ("quận Thanh Khê", "Thanh Khe District"),
    ("quận Cẩm Lệ", "Cam Le District"),
    ("phường Hòa Khánh Bắc", "Hoa Khanh Bac Ward"),
    ("xã Hòa Bắc", "Hoa Bac Commune"),
    ("xã Hòa Ninh", "Hoa Ninh Commune"),
    ("phường Mỹ An", "My An Ward"),
]

COUNTRIES = [
    ("Lào", "Laos"), ("Campuchia", "Cambodia"), ("Thái Lan", "Thailand"), ("Myanmar", "Myanmar"),
    ("Malaysia", "Malaysia"), ("Singapore", "Singapore"), ("Indonesia", "Indonesia"),
    ("Philippines", "the Philippines"), ("Brunei", "Brunei"), ("Timor-Leste", "Timor-Leste"),
]

PARTNERS = [
    ("tỉnh Xa-vẳn-na-khệt (Lào)", "Savannakhet Province (Laos)"),
    ("tỉnh Chăm-pa-xắc (Lào)", "Champasak Province (Laos)"),
    ("tỉnh Xê Kông (Lào)", "Sekong Province (Laos)"),
    ("tỉnh Xiêm Riệp (Campuchia)", "Siem Reap Province (Cambodia)"),
    ("thành phố Khon Kaen (Thái Lan)", "Khon Kaen (Thailand)"),
    ("thành phố Surabaya (Indonesia)", "Surabaya (Indonesia)"),
    ("thành phố Cebu (Philippines)", "Cebu City (the Philippines)"),
    ("bang Penang (Malaysia)", "Penang (Malaysia)"),
]

DOCS = [
    ("Kế hoạch số {d}/KH-UBND của Ủy ban nhân dân thành phố", "the City People's Committee's Plan No. {d}/KH-UBND"),
    ("Quyết định số {d}/QĐ-UBND", "Decision No. {d}/QD-UBND"),
    ("Kế hoạch tổng thể xây dựng Cộng đồng Văn hóa – Xã hội ASEAN đến năm 2025",
     "the ASEAN Socio-Cultural Community Blueprint 2025"),
    ("Tầm nhìn Cộng đồng ASEAN 2045", "the ASEAN Community Vision 2045"),
    ("Nghị quyết số 43-NQ/TW của Bộ Chính trị về phát triển thành phố Đà Nẵng",
     "Politburo Resolution No. 43-NQ/TW on the development of Da Nang"),
    ("Chiến lược hội nhập quốc tế của thành phố", "the city's international integration strategy"),
]

GOALS = [
    ("nâng tỷ lệ lao động qua đào tạo lên {p}%", "raise the share of trained workers to {p}%"),
    ("có thêm {s} trường học đạt chuẩn quốc gia", "bring {s} more schools up to national standards"),
    ("giảm tỷ lệ hộ nghèo xuống dưới {p}%", "cut the household poverty rate below {p}%"),
    ("thu gom và xử lý {p}% chất thải rắn sinh hoạt", "collect and treat {p}% of household solid waste"),
    ("cung cấp {p}% dịch vụ công trực tuyến toàn trình", "offer {p}% of public services fully online"),
    ("đón {n} lượt khách quốc tế", "welcome {n} international visitors"),
    ("bảo đảm {p}% trẻ em trong độ tuổi được tiêm chủng đầy đủ", "fully vaccinate {p}% of children of the eligible age"),
    ("hỗ trợ việc làm cho {n} lao động", "help {n} workers into employment"),
    ("trồng mới {n} cây xanh đô thị", "plant {n} new urban trees"),
]

STATS = [
    ("toàn thành phố có {n} lượt người được tư vấn, giới thiệu việc làm",
     "{n} people across the city received job counselling and referrals"),
    ("tỷ lệ người dân tham gia bảo hiểm y tế đạt {p}%", "health insurance coverage reached {p}% of residents"),
    ("{n} học sinh, sinh viên tham gia các hoạt động giao lưu với bạn bè ASEAN",
     "{n} pupils and students took part in exchanges with ASEAN peers"),
    ("thành phố đón {n} lượt khách đến từ các nước ASEAN", "the city welcomed {n} visitors from ASEAN countries"),
    ("{n} hộ gia đình được hỗ trợ cải thiện nhà ở", "{n} households received help to improve their homes"),
    ("{p}% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến",
     "{p}% of administrative applications were received and processed online"),
    ("{n} người cao tuổi được khám sức khỏe định kỳ miễn phí", "{n} older people received free regular health checks"),
    ("tỷ lệ chất thải rắn sinh hoạt được thu gom đạt {p}%", "the household solid waste collection rate reached {p}%"),
    ("{n} tình nguyện viên tham gia các hoạt động vì cộng đồng", "{n} volunteers joined community activities"),
    ("{n} trẻ em có hoàn cảnh đặc biệt được nhận học bổng", "{n} children in special circumstances received scholarships"),
]

CLAIMS = [
    ("hợp tác ASEAN đã mang lại lợi ích thiết thực cho người dân thành phố",
     "ASEAN cooperation has brought tangible benefits to the city's residents"),
    ("thành phố sẽ tiếp tục ưu tiên nguồn lực cho các lĩnh vực văn hóa – xã hội",
     "the city will keep prioritising resources for socio-cultural sectors"),
    ("việc chia sẻ kinh nghiệm với các địa phương trong khu vực là rất cần thiết",
     "sharing experience with localities across the region is essential"),
    ("người dân cần được đặt ở vị trí trung tâm của mọi chính sách",
     "people must be at the centre of every policy"),
    ("các sở, ngành cần chủ động hơn trong việc cập nhật thông tin song ngữ",
     "departments should be more proactive in publishing bilingual information"),
    ("kết quả đạt được là nền tảng quan trọng cho giai đoạn tiếp theo",
     "the results achieved are an important foundation for the next period"),
]

CHALLENGES = [
    ("nguồn kinh phí dành cho các hoạt động hợp tác còn hạn chế",
     "funding for cooperation activities remains limited"),
    ("một số đơn vị chưa thực hiện đầy đủ chế độ báo cáo định kỳ",
     "some units have not fully complied with periodic reporting"),
    ("đội ngũ cán bộ có trình độ ngoại ngữ tốt vẫn còn thiếu",
     "there is still a shortage of staff with good foreign-language skills"),
    ("thông tin về Cộng đồng ASEAN chưa đến được với nhiều người dân ở vùng ven",
     "information about the ASEAN Community has yet to reach many residents on the outskirts"),
    ("thời tiết cực đoan ảnh hưởng đến tiến độ của một số dự án",
     "extreme weather has delayed some projects"),
    ("sự phối hợp giữa các cơ quan có lúc chưa thật chặt chẽ",
     "coordination between agencies has at times been loose"),
]

SOLUTIONS = [
    ("đẩy mạnh xã hội hóa nguồn lực", "mobilising more resources from society"),
    ("tăng cường đào tạo ngoại ngữ cho cán bộ, công chức", "stepping up foreign-language training for civil servants"),
    ("ứng dụng công nghệ thông tin trong công tác báo cáo", "using information technology for reporting"),
    ("mở rộng hợp tác với các tổ chức quốc tế", "widening cooperation with international organisations"),
    ("đa dạng hóa hình thức tuyên truyền trên mạng xã hội", "diversifying outreach on social media"),
    ("lồng ghép các mục tiêu ASEAN vào kế hoạch của từng ngành", "building ASEAN goals into each sector's plans"),
]

FRAMEWORKS = [
    ("Kế hoạch hành động thực hiện Cộng đồng Văn hóa – Xã hội ASEAN giai đoạn 2021–2025",
     "the 2021–2025 action plan for the ASEAN Socio-Cultural Community"),
    ("chương trình kỷ niệm Ngày Việt Nam gia nhập ASEAN", "the programme marking the anniversary of Viet Nam joining ASEAN"),
    ("Năm Du lịch quốc gia", "the National Tourism Year"),
    ("chương trình hợp tác giữa Đà Nẵng và các tỉnh Trung Lào", "the cooperation programme between Da Nang and Central Laos"),
    ("Tháng hành động vì trẻ em", "the Action Month for Children"),
]

BENEFICIARIES = [
    ("học sinh có hoàn cảnh khó khăn", "disadvantaged pupils", "nhận học bổng", "received scholarships"),
    ("người lao động", "workers", "được giới thiệu việc làm", "were referred to jobs"),
    ("hộ nghèo", "poor households", "nhận quà hỗ trợ", "received support packages"),
    ("người khuyết tật", "people with disabilities", "được tặng xe lăn", "were given wheelchairs"),
    ("sinh viên quốc tế", "international students", "được cấp học bổng", "were awarded scholarships"),
    ("ngư dân", "fishermen", "được tập huấn kỹ năng an toàn", "received safety training"),
]

METRICS = [
    ("lượng khách ASEAN đến thành phố", "the number of ASEAN visitors to the city"),
    ("số hồ sơ trực tuyến", "the number of online applications"),
    ("số học sinh tham gia giao lưu", "the number of pupils taking part in exchanges"),
    ("số lao động có việc làm mới", "the number of workers with new jobs"),
    ("kinh phí dành cho an sinh xã hội", "spending on social security"),
]

SPEAKERS = [
    ("Phó Chủ tịch Ủy ban nhân dân thành phố", "Vice Chairman of the City People's Committee"),
    ("Giám đốc Sở Ngoại vụ", "Director of the Department of Foreign Affairs"),
    ("Phó Giám đốc Sở Giáo dục và Đào tạo", "Deputy Director of the Department of Education and Training"),
    ("Chủ tịch Hội Liên hiệp Phụ nữ thành phố", "Chair of the City Women's Union"),
    ("Giám đốc Sở Du lịch", "Director of the Department of Tourism"),
    ("Trưởng phòng Hợp tác quốc tế, Sở Ngoại vụ", "Head of International Cooperation at the Department of Foreign Affairs"),
    ("Bí thư Thành đoàn", "Secretary of the City Youth Union"),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = {"m": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công"], "f": ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ"]}
GIVEN = {"m": ["Hùng", "Dũng", "Tuấn", "Nam", "Phước", "Quân", "Sơn", "Trung", "Vinh", "Lâm"],
         "f": ["Hà", "Lan", "Hương", "Hằng", "Nhung", "Thảo", "Trang", "Yến", "Vy", "Oanh"]}

QUOTES = [
    ("Chúng tôi rất vui khi được gặp gỡ, học hỏi từ các bạn đến từ khắp khu vực ASEAN.",
     "We are delighted to meet and learn from friends from all over ASEAN."),
    ("Nhờ lớp học nghề, tôi đã có việc làm ổn định gần nhà.",
     "Thanks to the vocational course, I now have a steady job close to home."),
    ("Thủ tục trực tuyến giúp gia đình tôi tiết kiệm rất nhiều thời gian.",
     "Doing the paperwork online saves my family a great deal of time."),
    ("Bãi biển sạch hơn là niềm tự hào của cả khu phố.",
     "A cleaner beach is the pride of the whole neighbourhood."),
    ("Đây là dịp để bạn bè quốc tế hiểu thêm về văn hóa, con người Đà Nẵng.",
     "It is a chance for international friends to learn more about Da Nang's culture and people."),
]

HEADINGS = [
    ("Bối cảnh", "Background"), ("Kết quả nổi bật", "Key results"),
    ("Những khó khăn, hạn chế", "Difficulties and limitations"),
    ("Nhiệm vụ thời gian tới", "Tasks ahead"), ("Ý kiến người dân", "What residents say"),
    ("Hợp tác với các nước ASEAN", "Cooperation with ASEAN countries"),
    ("Kinh phí thực hiện", "Funding"), ("Giải pháp trọng tâm", "Main solutions"),
    ("Tổ chức thực hiện", "Implementation"), ("Đánh giá chung", "Overall assessment"),
    ("Các chỉ tiêu chủ yếu", "Main indicators"), ("Đối tượng thụ hưởng", "Beneficiaries"),
    ("Kinh nghiệm từ các địa phương", "Lessons from other localities"),
    ("Kiến nghị, đề xuất", "Recommendations"), ("Phân công trách nhiệm", "Who does what"),
]
SUBHEADINGS = [
    ("Lĩnh vực giáo dục", "Education"), ("Lĩnh vực y tế", "Health"), ("Lĩnh vực văn hóa", "Culture"),
    ("Lĩnh vực lao động", "Labour"), ("Lĩnh vực môi trường", "Environment"), ("Lĩnh vực du lịch", "Tourism"),
]
# The closing heading every post has, so `#fragment` links always resolve.
FURTHER = ("Thông tin thêm", "Further information")
FURTHER_ID = ("thong-tin-them", "further-information")

TITLE_PATTERNS = [
    ("Đà Nẵng đẩy mạnh hợp tác ASEAN về {t}", "Da Nang steps up ASEAN cooperation on {t}"),
    ("{a} tổ chức {e} về {t}", "{A} holds {e} on {t}"),
    ("Kết quả thực hiện {t} năm {y}", "Results on {t} in {y}"),
    ("Đà Nẵng và {c} chia sẻ kinh nghiệm về {t}", "Da Nang and {C} share experience on {t}"),
    ("Triển khai kế hoạch {t} giai đoạn {y}–{y5}", "Plan for {t} rolled out for {y}–{y5}"),
    ("Sơ kết 6 tháng đầu năm {y} về {t}", "Half-year review of {t}, {y}"),
    ("{a} đón đoàn công tác đến từ {c}", "{A} welcomes a delegation from {C}"),
    ("Người dân {pl} hưởng lợi từ chương trình {t}", "Residents of {PL} benefit from the {t} programme"),
]

TAGS = [
    ("ASEAN", "ASEAN"), ("Cộng đồng Văn hóa – Xã hội", "Socio-Cultural Community"), ("Hội nhập", "Integration"),
    ("Giáo dục", "Education"), ("Y tế", "Health"), ("Văn hóa", "Culture"), ("Du lịch", "Tourism"),
    ("Thể thao", "Sports"), ("Lao động", "Labour"), ("Việc làm", "Jobs"), ("An sinh xã hội", "Social security"),
    ("Bình đẳng giới", "Gender equality"), ("Trẻ em", "Children"), ("Thanh niên", "Youth"),
    ("Người cao tuổi", "Older people"), ("Người khuyết tật", "Disability"), ("Môi trường", "Environment"),
    ("Biến đổi khí hậu", "Climate change"), ("Thiên tai", "Natural disasters"), ("Chuyển đổi số", "Digital transformation"),
    ("Dịch vụ công", "Public services"), ("Cải cách hành chính", "Administrative reform"), ("Di sản", "Heritage"),
    ("Lễ hội", "Festivals"), ("Ẩm thực", "Food"), ("Ngoại vụ", "Foreign affairs"), ("Hợp tác quốc tế", "International cooperation"),
    ("Lào", "Laos"), ("Campuchia", "Cambodia"), ("Thái Lan", "Thailand"), ("Singapore", "Singapore"),
    ("Indonesia", "Indonesia"), ("Philippines", "Philippines"), ("Malaysia", "Malaysia"), ("Myanmar", "Myanmar"),
    ("Giảm nghèo", "Poverty reduction"), ("Nhà ở xã hội", "Social housing"), ("Giáo dục nghề nghiệp", "Vocational training"),
    ("Sinh viên", "Students"), ("Tình nguyện", "Volunteering"), ("Phụ nữ", "Women"), ("Gia đình", "Families"),
    ("An toàn thực phẩm", "Food safety"), ("Nước sạch", "Clean water"), ("Rác thải", "Waste"), ("Biển đảo", "Seas and islands"),
    ("Kinh tế biển", "Blue economy"), ("Ngoại ngữ", "Foreign languages"), ("Khoa học công nghệ", "Science and technology"),
    ("Đô thị thông minh", "Smart city"), ("Bảo hiểm y tế", "Health insurance"), ("Phòng chống dịch", "Disease control"),
    ("Mua bán người", "Human trafficking"), ("Di cư", "Migration"), ("Hòa Vang", "Hoa Vang"), ("Sơn Trà", "Son Tra"),
    ("Ngũ Hành Sơn", "Ngu Hanh Son"), ("Liên Chiểu", "Lien Chieu"), ("Kỷ niệm", "Anniversaries"), ("Báo cáo", "Reports"),
]

# The "wide" shape's tags: 8 broad ones, so every tag is on thousands of posts at 5,000 posts and
# its listing paginates deeply (the default shape spreads the same number of tag uses over 60).
WIDE_TAGS = [
    ("Giáo dục", "Education"), ("Y tế", "Health"), ("Văn hóa", "Culture"), ("Du lịch", "Tourism"),
    ("Môi trường", "Environment"), ("An sinh xã hội", "Social security"), ("Chuyển đổi số", "Digital transformation"),
    ("Hợp tác quốc tế", "International cooperation"),
]

LINK_TEXTS = [
    ("bài viết liên quan", "a related article"), ("tin đã đăng", "an earlier report"),
    ("kết quả kỳ trước", "the previous results"), ("thông tin chi tiết", "the details"),
]

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]

DATE_FIRST = datetime(2021, 1, 1, 7, 0)
DATE_LAST = datetime(2026, 11, 28, 18, 0)  # published at --now 2026-11-29T12:00


# --------------------------------------------------------------------------- helpers
def fold(text):
    """Vietnamese to ASCII: drop the marks, đ → d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def slugify(text, limit=80):
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def cap(text):
    return text[:1].upper() + text[1:]


def num(n, lang):
    s = f"{n:,}"
    return s.replace(",", ".") if lang == "vi" else s


def pct(x, lang):
    s = f"{x:.1f}"
    return s.replace(".", ",") if lang == "vi" else s


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def words(text):
    """Syllables (vi) or words (en): whitespace tokens that contain a letter."""
    return sum(1 for token in text.split() if any(ch.isalpha() for ch in token))


def person(r):
    sex = r.choice("mf")
    name = f"{r.choice(FAMILY)} {r.choice(MIDDLE[sex])} {r.choice(GIVEN[sex])}"
    return sex, name


# --------------------------------------------------------------------------- posts
class Meta:
    """What other posts need to know about a post before bodies are written."""

    def __init__(self, k, date, title, summary, tags, file_vi, file_en, year):
        self.k, self.date, self.title, self.summary, self.tags = k, date, title, summary, tags
        self.file = (file_vi, file_en)
        self.year = year


class Body:
    """A Vietnamese and an English body built block by block in step."""

    def __init__(self, r, year, external):
        self.r = r
        self.y = year
        self.external = external  # the chance of an external link in a paragraph without a link to a post
        self.blocks = ([], [])
        self.size = [0, 0]
        self.footnotes = ([], [])

    def add(self, vi, en):
        self.blocks[0].append(vi)
        self.blocks[1].append(en)
        self.size[0] += words(vi)
        self.size[1] += words(en)

    def values(self):
        r = self.r
        n = r.choice([r.randint(15, 980), r.randint(1_000, 95_000)])
        p = round(r.uniform(2.0, 99.0), 1)
        common = {"y": self.y, "y5": self.y + 4, "d": r.randint(12, 4_800), "s": r.randint(2, 36)}
        return ({"n": num(n, "vi"), "p": pct(p, "vi"), **common}, {"n": num(n, "en"), "p": pct(p, "en"), **common})

    def fill(self, pair):
        vi, en = self.values()
        return pair[0].format(**vi), pair[1].format(**en)

    def sentence(self):
        r = self.r
        kind = r.randrange(12)
        a, t = r.choice(ACTORS), r.choice(TOPICS)
        if kind == 0:
            e, pl = r.choice(EVENTS), r.choice(PLACES)
            cs = r.sample(COUNTRIES, r.randint(2, 4))
            vi_c = ", ".join(c[0] for c in cs[:-1]) + " và " + cs[-1][0]
            en_c = ", ".join(c[1] for c in cs[:-1]) + " and " + cs[-1][1]
            n = r.randint(40, 600)
            return (f"{cap(a[0])} đã tổ chức {e[0]} về {t[0]} tại {pl[0]}, với sự tham gia của "
                    f"{num(n, 'vi')} đại biểu đến từ {vi_c}.",
                    f"{cap(a[1])} held {e[1]} on {t[1]} at {pl[1]}, attended by {num(n, 'en')} "
                    f"delegates from {en_c}.")
        if kind == 1:
            doc, goal = self.fill(r.choice(DOCS)), self.fill(r.choice(GOALS))
            return (f"Theo {doc[0]}, đến năm {self.y + 2}, thành phố phấn đấu {goal[0]}.",
                    f"Under {doc[1]}, the city aims to {goal[1]} by {self.y + 2}.")
        if kind == 2:
            st = self.fill(r.choice(STATS))
            return (f"Trong năm {self.y}, {st[0]}.", f"In {self.y}, {st[1]}.")
        if kind == 3:
            f = r.choice(FRAMEWORKS)
            return (f"{cap(a[0])} tiếp tục triển khai các hoạt động về {t[0]}, góp phần thực hiện {f[0]}.",
                    f"{cap(a[1])} continues its work on {t[1]} as part of {f[1]}.")
        if kind == 4:
            e, sp, c = r.choice(EVENTS), r.choice(SPEAKERS), r.choice(CLAIMS)
            sex, name = person(r)
            hon = ("bà", "Ms") if sex == "f" else ("ông", "Mr")
            return (f"Phát biểu tại {e[0]}, {hon[0]} {name}, {sp[0]}, khẳng định {c[0]}.",
                    f"Speaking at {e[1]}, {hon[1]} {fold(name)}, {sp[1]}, said {c[1]}.")
        if kind == 5:
            ch = r.choice(CHALLENGES)
            return (f"Tuy nhiên, {ch[0]}.", f"However, {ch[1]}.")
        if kind == 6:
            so = r.sample(SOLUTIONS, 2)
            return (f"Để khắc phục, {a[0]} đề xuất {so[0][0]} và {so[1][0]}.",
                    f"To address this, {a[1]} proposed {so[0][1]} and {so[1][1]}.")
        if kind == 7:
            f = r.choice(FRAMEWORKS)
            return (f"Hoạt động này nằm trong khuôn khổ {f[0]}.", f"The activity is part of {f[1]}.")
        if kind == 8:
            b = r.choice(BENEFICIARIES)
            n = r.randint(20, 2_500)
            return (f"Dịp này, {num(n, 'vi')} {b[0]} đã {b[2]} từ các nhà tài trợ trong và ngoài nước.",
                    f"On this occasion, {num(n, 'en')} {b[1]} {b[3]} from donors at home and abroad.")
        if kind == 9:
            m = r.choice(METRICS)
            p = round(r.uniform(1.5, 48.0), 1)
            return (f"So với cùng kỳ năm trước, {m[0]} tăng {pct(p, 'vi')}%.",
                    f"Compared with the same period last year, {m[1]} rose by {pct(p, 'en')}%.")
        if kind == 10:
            pa = r.choice(PARTNERS)
            return (f"Các đại biểu cũng trao đổi kinh nghiệm về {t[0]} giữa Đà Nẵng và {pa[0]}.",
                    f"Delegates also compared notes on {t[1]} in Da Nang and {pa[1]}.")
        goal = self.fill(r.choice(GOALS))
        return (f"Trong thời gian tới, {a[0]} sẽ phối hợp với các địa phương để {goal[0]}.",
                f"In the coming months, {a[1]} will work with localities to {goal[1]}.")

    def paragraph(self, links, footnote=False):
        r = self.r
        vi, en = [], []
        for _ in range(r.randint(2, 5)):
            a, b = self.sentence()
            vi.append(a)
            en.append(b)
        roll = r.random()
        if roll < 0.30:  # emphasis
            t = r.choice(TOPICS)
            if r.random() < 0.6:
                vi.append(f"Đáng chú ý, lĩnh vực **{t[0]}** được nhiều đại biểu quan tâm.")
                en.append(f"Notably, **{t[1]}** drew particular interest from delegates.")
            else:
                doc = self.fill(r.choice(DOCS))
                vi.append(f"Nội dung này được quy định cụ thể tại *{doc[0]}*.")
                en.append(f"This is set out in detail in *{doc[1]}*.")
        if links and r.random() < 0.5:  # a link to another post of the corpus
            target, fragment = links.pop()
            lt = r.choice(LINK_TEXTS)
            vi.append(f"Xem thêm [{lt[0]}]({target[0]}{fragment[0]}).")
            en.append(f"See also [{lt[1]}]({target[1]}{fragment[1]}).")
        elif r.random() < self.external:  # an external link
            doc = r.randint(100, 9_999)
            vi.append(f"Toàn văn [văn bản](https://danang.gov.vn/van-ban/{doc}) được đăng trên cổng thông tin.")
            en.append(f"The full [text](https://danang.gov.vn/van-ban/{doc}) is on the city portal.")
        if footnote:
            mark = f"[^{len(self.footnotes[0]) + 1}]"
            vi[0] = vi[0][:-1] + mark + "."
            en[0] = en[0][:-1] + mark + "."
            d = r.randint(1, 28)
            m = r.randint(1, 12)
            a = r.choice(ACTORS)
            self.footnotes[0].append(f"{mark}: Số liệu do {a[0]} cung cấp, tính đến ngày {d}/{m}/{self.y}.")
            self.footnotes[1].append(f"{mark}: Figures from {a[1]}, as of {d} {MONTHS_EN[m - 1]} {self.y}.")
        self.add(" ".join(vi), " ".join(en))

    def bullets(self):
        r = self.r
        ordered = r.random() < 0.35
        intro = r.choice([("Các nhiệm vụ chính gồm:", "The main tasks are:"),
                          ("Một số giải pháp được đề ra:", "Several solutions were put forward:"),
                          ("Kết quả cụ thể:", "In figures:")])
        vi, en = [intro[0], ""], [intro[1], ""]
        items = r.randint(3, 6)
        for i in range(items):
            mark = f"{i + 1}." if ordered else "-"
            if r.random() < 0.5:
                g = self.fill(r.choice(GOALS))
                vi.append(f"{mark} {cap(g[0])};")
                en.append(f"{mark} {cap(g[1])};")
            else:
                s = self.fill(r.choice(STATS))
                vi.append(f"{mark} {cap(s[0])};")
                en.append(f"{mark} {cap(s[1])};")
            if not ordered and r.random() < 0.1:  # a nested item
                so = r.choice(SOLUTIONS)
                vi.append(f"  - trong đó ưu tiên {so[0]};")
                en.append(f"  - with priority on {so[1]};")
        vi[-1] = vi[-1][:-1] + "."
        en[-1] = en[-1][:-1] + "."
        self.add("\n".join(vi), "\n".join(en))

    def tasks(self):
        r = self.r
        vi = ["Tiến độ các đầu việc:", ""]
        en = ["Progress on the work items:", ""]
        for t in r.sample(TOPICS, r.randint(3, 5)):
            done = "x" if r.random() < 0.6 else " "
            vi.append(f"- [{done}] Báo cáo về {t[0]}")
            en.append(f"- [{done}] Report on {t[1]}")
        self.add("\n".join(vi), "\n".join(en))

    def table(self):
        r = self.r
        y = self.y
        rows = r.sample(PLACES[6:] + [("huyện Hòa Vang", "Hoa Vang District"), ("quận Hải Châu", "Hai Chau District"),
                                      ("quận Sơn Trà", "Son Tra District")], r.randint(3, 8))
        vi = [f"| Địa phương | Năm {y - 1} | Năm {y} | Tăng (%) |", "|---|---:|---:|---:|"]
        en = [f"| Locality | {y - 1} | {y} | Change (%) |", "|---|---:|---:|---:|"]
        for place in rows:
            a = r.randint(120, 40_000)
            b = int(a * r.uniform(0.85, 1.45))
            ch = (b - a) / a * 100
            vi.append(f"| {cap(place[0])} | {num(a, 'vi')} | {num(b, 'vi')} | {pct(ch, 'vi')} |")
            en.append(f"| {place[1]} | {num(a, 'en')} | {num(b, 'en')} | {pct(ch, 'en')} |")
        m = r.choice(METRICS)
        self.add("\n".join(vi), "\n".join(en))
        self.add(f"*Bảng: {cap(m[0])} theo địa phương.*", f"*Table: {cap(m[1])} by locality.*")

    def quote(self):
        r = self.r
        q, pl = r.choice(QUOTES), r.choice(PLACES[6:])
        sex, name = person(r)
        hon = ("Chị", "Ms") if sex == "f" else ("Anh", "Mr")
        self.add(f"> {q[0]}\n>\n> — {hon[0]} {name}, người dân {pl[0]}",
                 f"> {q[1]}\n>\n> — {hon[1]} {fold(name)}, a resident of {pl[1]}")

    def strike(self):
        r = self.r
        m, d1, d2 = r.randint(1, 12), r.randint(1, 14), r.randint(15, 28)
        self.add(f"**Cập nhật:** thời gian tổ chức được điều chỉnh từ ~~ngày {d1}/{m}/{self.y}~~ sang "
                 f"ngày {d2}/{m}/{self.y}.",
                 f"**Update:** the date has moved from ~~{d1} {MONTHS_EN[m - 1]} {self.y}~~ to "
                 f"{d2} {MONTHS_EN[m - 1]} {self.y}.")


def body_target(r):
    """Vietnamese syllables to aim for: lognormal around the median, a few long reports."""
    if r.random() < 0.04:
        return r.randint(2_700, 3_800)
    return int(min(2_000, max(220, r.lognormvariate(math.log(455), 0.38))))


def make_meta(r, k, date, used_slugs, tag_pool):
    y = date.year
    pattern = r.choice(TITLE_PATTERNS)
    t, a, c, pl, e = r.choice(TOPICS), r.choice(ACTORS), r.choice(COUNTRIES), r.choice(PLACES[6:]), r.choice(EVENTS)
    title_vi = pattern[0].format(t=t[0], a=cap(a[0]), c=c[0], pl=pl[0], e=e[0], y=y, y5=y + 4)
    title_en = pattern[1].format(t=t[1], A=cap(a[1]), C=c[1], PL=pl[1], e=e[1], y=y, y5=y + 4)
    summary_vi = f"{cap(a[0])} thông tin về hoạt động {t[0]} trong khuôn khổ hợp tác ASEAN năm {y}."
    summary_en = f"{cap(a[1])} reports on its work on {t[1]} under ASEAN cooperation in {y}."
    tags = r.sample(tag_pool, r.randint(2, 4))
    files = []
    for lang, title in (("vi", title_vi), ("en", title_en)):
        base = slugify(title)
        slug, n = base, 1
        while slug in used_slugs[lang]:
            n += 1
            slug = f"{base}-{n}"
        used_slugs[lang].add(slug)
        files.append(f"{date:%Y-%m-%d}-{slug}.md")
    return Meta(k, date, (title_vi, title_en), (summary_vi, summary_en), tags, files[0], files[1], y)


def make_body(r, meta, metas, shape):
    p = Body(r, meta.year, shape["external"])
    # Links to other posts (same language folder) and now and then to the section or home.
    links = []
    for _ in range(r.choice([0, 0, 1, 1, 2, 3]) if shape["internal"] else 0):
        other = metas[r.randrange(len(metas))]
        if other is meta:
            continue
        frag = ("#" + FURTHER_ID[0], "#" + FURTHER_ID[1]) if r.random() < 0.25 else ("", "")
        links.append((other.file, frag))
    if shape["internal"] and r.random() < 0.05:
        links.append((("_index.md", "_index.md"), ("", "")))
    if shape["internal"] and r.random() < 0.03:
        links.append((("../_index.md", "../_index.md"), ("", "")))
    r.shuffle(links)

    target = body_target(r)
    long_post = target > 2_000
    has_table = r.random() < 0.22
    has_quote = r.random() < 0.18
    has_footnotes = r.random() < 0.15
    has_strike = r.random() < 0.10
    has_tasks = r.random() < 0.05
    has_autolink = r.random() < 0.20

    if has_strike:
        p.strike()
    p.paragraph(links, footnote=has_footnotes)
    headings = r.sample(HEADINGS, len(HEADINGS))
    section = 0
    pending = {"table": has_table, "quote": has_quote, "tasks": has_tasks}
    while p.size[0] < target or any(pending.values()):
        h = headings[section % len(headings)]
        section += 1
        p.add(f"## {h[0]}", f"## {h[1]}")
        for _ in range(r.randint(1, 3)):
            p.paragraph(links, footnote=has_footnotes and r.random() < 0.2)
        if long_post and r.random() < 0.6:
            for sh in r.sample(SUBHEADINGS, r.randint(1, 3)):
                p.add(f"### {sh[0]}", f"### {sh[1]}")
                p.paragraph(links)
        if r.random() < 0.4:
            p.bullets()
        for block, chance in (("table", 0.5), ("quote", 0.5), ("tasks", 0.5)):
            if pending[block] and r.random() < chance:
                getattr(p, block)()
                pending[block] = False
        if section > 80:
            break

    p.add(f"## {FURTHER[0]}", f"## {FURTHER[1]}")
    a = r.choice(ACTORS)
    vi = f"Mọi thông tin chi tiết xin liên hệ {a[0]}."
    en = f"For details, please contact {a[1]}."
    if has_autolink:
        vi += " Văn bản gốc được đăng tại https://danang.gov.vn/web/guest/chinh-quyen và cập nhật thường xuyên."
        en += " The original documents are published at https://danang.gov.vn/web/guest/chinh-quyen and updated regularly."
    while links:  # links the paragraphs did not use
        (target_file, fragment) = links.pop()
        vi += f" Xem thêm [bài liên quan]({target_file[0]}{fragment[0]})."
        en += f" See also [a related article]({target_file[1]}{fragment[1]})."
    p.add(vi, en)
    if p.footnotes[0]:
        p.add("\n".join(p.footnotes[0]), "\n".join(p.footnotes[1]))
    return ["\n\n".join(p.blocks[i]) + "\n" for i in (0, 1)]


def dates(r, count):
    """`count` distinct minutes spread evenly over the period, jittered within each slot."""
    span = int((DATE_LAST - DATE_FIRST).total_seconds() // 60)
    slot = span / count
    return [DATE_FIRST + timedelta(minutes=int(i * slot + r.random() * max(slot - 1, 0))) for i in range(count)]


def front_matter(meta, lang):
    i = 0 if lang == "vi" else 1
    tags = ", ".join(yaml_str(t[i]) for t in meta.tags)
    return (f"---\ntitle: {yaml_str(meta.title[i])}\ndate: {meta.date:%Y-%m-%dT%H:%M}\n"
            f"summary: {yaml_str(meta.summary[i])}\ntranslationKey: post-{meta.k:05d}\ntags: [{tags}]\n---\n\n")


SITE_YML = """\
# Benchmark corpus made by benchmark/gen_corpus.py ({posts} posts per language, seed {seed}).
baseURL: https://danang.gov.vn/asean/
theme: default
defaultLanguage: vi
paginate: 20
markdown:
  unsafeHTML: false
languages:
  vi:
    name: Tiếng Việt
    locale: vi_VN
    title: Cộng đồng Văn hóa – Xã hội ASEAN
    description: Chuyên mục Cộng đồng Văn hóa – Xã hội ASEAN trên Cổng thông tin điện tử thành phố Đà Nẵng.
    menu:
      - name: Trang chủ
        page: _index.md
      - name: Tin tức
        page: tin-tuc/_index.md
      - name: Cổng thành phố
        url: https://danang.gov.vn/
  en:
    name: English
    locale: en_US
    title: ASEAN Socio-Cultural Community
    description: The ASEAN Socio-Cultural Community section of the Da Nang city e-portal.
    menu:
      - name: Home
        page: _index.md
      - name: News
        page: news/_index.md
      - name: City portal
        url: https://danang.gov.vn/
"""

INDEX_PAGES = {
    ("vi", ""): ("Cộng đồng Văn hóa – Xã hội ASEAN", "home",
                 "Chuyên mục song ngữ Việt – Anh về Cộng đồng Văn hóa – Xã hội ASEAN của thành phố Đà Nẵng.",
                 "Chào mừng bạn đọc đến với chuyên mục Cộng đồng Văn hóa – Xã hội ASEAN trên Cổng thông tin điện tử "
                 "thành phố Đà Nẵng. Các bài viết mới nhất được đăng trong mục [Tin tức](tin-tuc/_index.md)."),
    ("en", ""): ("ASEAN Socio-Cultural Community", "home",
                 "The bilingual Vietnamese–English section on the ASEAN Socio-Cultural Community in Da Nang.",
                 "Welcome to the ASEAN Socio-Cultural Community section of the Da Nang city e-portal. The latest "
                 "articles are in [News](news/_index.md)."),
    ("vi", "tin-tuc"): ("Tin tức", "news",
                        "Tin, bài về hợp tác ASEAN và việc Đà Nẵng thực hiện các mục tiêu của Cộng đồng Văn hóa – Xã hội ASEAN.",
                        "Mục Tin tức đăng tải tin, bài song ngữ do các sở, ban, ngành cập nhật về hoạt động hợp tác "
                        "ASEAN trong lĩnh vực của mình. Quay lại [trang chủ](../_index.md)."),
    ("en", "news"): ("News", "news",
                     "News on ASEAN cooperation and Da Nang's work towards the goals of the ASEAN Socio-Cultural Community.",
                     "The News section carries bilingual reports from the city's departments on ASEAN cooperation in "
                     "their fields. Back to the [home page](../_index.md)."),
}


# The corpus shapes (--shape). "links" is the first benchmark's: 60 small tags, links between
# posts, posts in a section with its own page. "wide" is the second corpus: 8 large
# tags, external links only (about as many links in all), posts in a section folder without
# `_index.md`, and the repository's real content (site settings, home and plain pages, news,
# agencies.yml, plans/) alongside, so the plan, agency and characteristic pages are built too.
SHAPES = {
    "links": {"tags": TAGS, "sections": ("tin-tuc", "news"), "internal": True, "external": 0.12, "real": False},
    "wide": {"tags": WIDE_TAGS, "sections": ("bai-viet", "articles"), "internal": False, "external": 0.45,
             "real": True},
}


def real_site_yml(text, posts, seed):
    """The repository's site.yml for the wide corpus: 20 per listing page like the other shape, and
    without the banner, whose kit (PNG rasterising, a zip) is work Hugo has no counterpart for."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("banner:"))
    while start > 0 and lines[start - 1].startswith("#"):  # the banner's own comment
        start -= 1
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[a-zA-Z]", lines[i]) and
                not lines[i].startswith("banner:")), len(lines))
    kept = lines[:start] + lines[end:]
    at = next(i for i, line in enumerate(kept) if line.startswith("defaultLanguage:")) + 1
    kept.insert(at, "paginate: 20")
    head = (f"# Benchmark corpus made by benchmark/gen_corpus.py --shape wide ({posts} posts per language, "
            f"seed {seed}): the repository's Content/site.yml, paginate 20, no banner.")
    return head + "\n" + "\n".join(kept).rstrip("\n") + "\n"


def copy_real_site(real, out, posts, seed):
    """The repository's Content/ (every file but site.yml as it is) into OUT."""
    for root, _, names in os.walk(real):
        for name in sorted(names):
            src = os.path.join(root, name)
            rel = os.path.relpath(src, real)
            if rel == "site.yml":
                with open(src, encoding="utf-8") as f:
                    write(os.path.join(out, rel), real_site_yml(f.read(), posts, seed))
                continue
            os.makedirs(os.path.dirname(os.path.join(out, rel)), exist_ok=True)
            shutil.copyfile(src, os.path.join(out, rel))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(unicodedata.normalize("NFC", text))


def main():
    ap = argparse.ArgumentParser(description="Generate a bilingual portal content folder for the benchmark.")
    ap.add_argument("--posts", type=int, required=True, help="posts per language")
    ap.add_argument("--out", required=True, help="the content folder to write (replaced)")
    ap.add_argument("--seed", default="1", help="random seed (default 1)")
    ap.add_argument("--bodies-out", help="also write the bodies alone, one file per post, into this folder")
    ap.add_argument("--shape", choices=sorted(SHAPES), default="links", help="the corpus's shape (default links)")
    ap.add_argument("--real-content", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Content"),
                    help="the real content folder the wide shape copies (default: the repository's Content/)")
    args = ap.parse_args()
    if args.posts < 1:
        ap.error("--posts must be at least 1")
    shape = SHAPES[args.shape]
    if shape["real"] and not os.path.isfile(os.path.join(args.real_content, "site.yml")):
        ap.error(f"--shape {args.shape} copies a real content folder: no site.yml in {args.real_content}")

    # Check the tag pool: distinct slugs per language, as portal groups tags by slug.
    for i in (0, 1):
        assert len({slugify(t[i]) for t in shape["tags"]}) == len(shape["tags"]), "tag pool has two tags with one slug"

    # The default shape keeps its first stream, so its corpus is byte for byte the one before shapes.
    stream = f"portal-bench:{args.seed}:{args.posts}" + ("" if args.shape == "links" else f":{args.shape}")
    r = random.Random(stream)
    used = {"vi": set(), "en": set()}
    metas = [make_meta(r, k + 1, d, used, shape["tags"]) for k, d in enumerate(dates(r, args.posts))]

    for folder in (args.out, args.bodies_out):
        if folder and os.path.exists(folder):
            shutil.rmtree(folder)
    if shape["real"]:
        copy_real_site(args.real_content, args.out, args.posts, args.seed)
    else:
        write(os.path.join(args.out, "site.yml"), SITE_YML.format(posts=args.posts, seed=args.seed))
        for (lang, folder), (title, key, summary, text) in INDEX_PAGES.items():
            write(os.path.join(args.out, lang, folder, "_index.md"),
                  f"---\ntitle: {yaml_str(title)}\ntranslationKey: {key}\nsummary: {yaml_str(summary)}\n---\n\n{text}\n")

    sizes = ([], [])
    for meta in metas:
        bodies = make_body(r, meta, metas, shape)
        for i, (lang, section) in enumerate(zip(("vi", "en"), shape["sections"])):
            write(os.path.join(args.out, lang, section, meta.file[i]), front_matter(meta, lang) + bodies[i])
            if args.bodies_out:
                write(os.path.join(args.bodies_out, f"{lang}-{meta.file[i][11:]}"), bodies[i])
            sizes[i].append(words(bodies[i]))

    def median(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2]

    print(f"gen_corpus: {args.shape}: {args.posts} posts per language into {args.out}; median length "
          f"{median(sizes[0])} syllables (vi) / {median(sizes[1])} words (en); "
          f"over 2,500: {sum(s > 2500 for s in sizes[0])} vi / {sum(s > 2500 for s in sizes[1])} en",
          file=sys.stderr)


if __name__ == "__main__":
    main()
