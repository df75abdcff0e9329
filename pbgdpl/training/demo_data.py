"""The training demo's six courses: our own writing about doing legal dissemination with
digital tools, citing laws by number and title only. Keys: ``slug``, ``title``,
``description``, ``mode``, ``audience`` (roles; empty = everyone in the registry),
``hours``, ``qualifying`` (counts toward "trained in digital skills"), ``pass_mark``,
``prerequisites`` (slugs), ``modules`` (kind, title, body (HTML of a lesson),
``quiz`` = a list of (law number, article) pairs naming approved items of the contests'
demo bank), and ``sessions`` for offline and blended courses (days from 1 January 2026,
start hour, hours, place, trainer, online).
"""

PBGDPL = "14/2012/QH13"  # Luật Phổ biến, giáo dục pháp luật
HOA_GIAI = "35/2013/QH13"  # Luật Hòa giải ở cơ sở
TGPL = "11/2017/QH14"  # Luật Trợ giúp pháp lý

COURSES: list[dict] = [
    {
        "slug": "ky-nang-so-co-ban-pbgdpl",
        "title": "Kỹ năng số cơ bản cho người làm công tác phổ biến, giáo dục pháp luật",
        "description": (
            "Khoá học trực tuyến giúp cán bộ, báo cáo viên và tuyên truyền viên dùng điện "
            "thoại, máy tính để tìm văn bản pháp luật đúng, còn hiệu lực, chia sẻ cho người "
            "dân một cách chính xác và an toàn."
        ),
        "mode": "online",
        "audience": [],
        "hours": "8",
        "qualifying": True,
        "pass_mark": 70,
        "prerequisites": [],
        "modules": [
            {
                "kind": "lesson",
                "title": "Tìm văn bản pháp luật còn hiệu lực",
                "body": (
                    "<p>Trước khi giới thiệu một quy định cho người dân, cần chắc chắn văn "
                    "bản còn hiệu lực và không bị sửa đổi ở đúng điều mình nói tới.</p>"
                    "<ul><li>Tra theo <strong>số ký hiệu</strong> (ví dụ 14/2012/QH13) để "
                    "ra đúng văn bản, không nhầm với văn bản cùng tên.</li>"
                    "<li>Xem <strong>tình trạng hiệu lực</strong> và danh sách văn bản sửa "
                    "đổi, bổ sung, thay thế.</li>"
                    "<li>Khi trích dẫn, ghi rõ điều, khoản và ngày văn bản có hiệu lực."
                    "</li></ul>"
                ),
            },
            {
                "kind": "lesson",
                "title": "Dùng Bộ pháp điển để trả lời câu hỏi của người dân",
                "body": (
                    "<p>Bộ pháp điển sắp xếp các quy phạm đang có hiệu lực theo chủ đề và đề "
                    "mục. Mỗi điều của Bộ pháp điển ghi rõ nguồn: điều nào của văn bản nào, "
                    "có hiệu lực từ ngày nào.</p><p>Khi người dân hỏi một việc cụ thể (đăng "
                    "ký khai sinh, chia thừa kế, hợp đồng lao động), hãy tìm theo chủ đề rồi "
                    "mở văn bản gốc để kiểm tra trước khi trả lời.</p>"
                ),
            },
            {
                "kind": "lesson",
                "title": "Tra cứu văn bản trên điện thoại, từng bước",
                "body": (
                    "<ol><li>Mở trang tra cứu văn bản của cổng thông tin, gõ số ký hiệu hoặc "
                    "vài từ của tên văn bản.</li><li>Chọn đúng văn bản, xem dòng tình trạng "
                    "hiệu lực ở đầu trang.</li><li>Mở điều cần dùng, bấm nút chia sẻ để gửi "
                    "đường dẫn tới đúng điều đó.</li></ol>"
                ),
            },
            {
                "kind": "quiz",
                "title": "Bài kiểm tra cuối khoá",
                "quiz": [(PBGDPL, "8"), (PBGDPL, "2"), (PBGDPL, "11"), (PBGDPL, "17")],
            },
        ],
    },
    {
        "slug": "truyen-thong-phap-luat-mang-xa-hoi",
        "title": "Truyền thông pháp luật trên mạng xã hội và nhóm Zalo của thôn, tổ dân phố",
        "description": (
            "Viết tin ngắn, dễ hiểu về một quy định mới; chọn hình ảnh, dẫn nguồn chính "
            "thức; trả lời bình luận đúng mực; nhận biết và xử lý tin sai về pháp luật."
        ),
        "mode": "online",
        "audience": ["propagandist", "reporter"],
        "hours": "6",
        "qualifying": True,
        "pass_mark": 70,
        "prerequisites": ["ky-nang-so-co-ban-pbgdpl"],
        "modules": [
            {
                "kind": "lesson",
                "title": "Viết một tin pháp luật ngắn cho người dân",
                "body": (
                    "<p>Một tin tốt trả lời ba câu: quy định mới là gì, áp dụng cho ai, từ "
                    "ngày nào. Dùng câu ngắn, từ ngữ quen thuộc; với đồng bào dân tộc thiểu "
                    "số, phối hợp người có uy tín để chuyển ngữ.</p><p>Luôn kèm đường dẫn "
                    "tới văn bản gốc trên cổng thông tin chính thức.</p>"
                ),
            },
            {
                "kind": "lesson",
                "title": "Nhận biết và xử lý tin sai về pháp luật",
                "body": (
                    "<p>Tin sai thường không có số văn bản, gắn ngày hiệu lực không đúng hoặc "
                    "cắt một phần quy định. Đối chiếu với văn bản gốc, đăng thông tin đúng "
                    "kèm nguồn và báo cho cơ quan quản lý khi tin sai gây hoang mang.</p>"
                ),
            },
            {
                "kind": "quiz",
                "title": "Bài kiểm tra",
                "quiz": [(PBGDPL, "2"), (PBGDPL, "11"), (PBGDPL, "37")],
            },
        ],
    },
    {
        "slug": "an-toan-thong-tin-du-lieu-ca-nhan",
        "title": "An toàn thông tin và bảo vệ dữ liệu cá nhân khi tuyên truyền pháp luật",
        "description": (
            "Giữ an toàn tài khoản, không đăng thông tin cá nhân của người dân khi giải đáp "
            "pháp luật, xin ý kiến trước khi chụp ảnh, ghi hình tại buổi tuyên truyền."
        ),
        "mode": "online",
        "audience": [],
        "hours": "4",
        "qualifying": True,
        "pass_mark": 80,
        "prerequisites": ["ky-nang-so-co-ban-pbgdpl"],
        "modules": [
            {
                "kind": "lesson",
                "title": "Tài khoản an toàn",
                "body": (
                    "<p>Đặt mật khẩu dài, khác nhau cho từng dịch vụ; bật xác thực hai bước; "
                    "không chia sẻ mã xác thực cho bất kỳ ai, kể cả người tự xưng là cán bộ."
                    "</p>"
                ),
            },
            {
                "kind": "lesson",
                "title": "Thông tin cá nhân của người hỏi",
                "body": (
                    "<p>Khi đăng câu hỏi và câu trả lời lên nhóm chung, bỏ tên, số điện "
                    "thoại, địa chỉ của người hỏi. Chỉ dùng thông tin cá nhân cho đúng việc "
                    "đã nói với họ.</p>"
                ),
            },
            {
                "kind": "document",
                "title": "Tài liệu: danh mục kiểm tra trước khi đăng bài",
                "body": "<p>Danh mục in ra để dán cạnh máy tính của bộ phận một cửa.</p>",
            },
        ],
    },
    {
        "slug": "bao-cao-vien-trinh-bay-truc-tuyen",
        "title": "Báo cáo viên pháp luật: tổ chức buổi phổ biến pháp luật trực tuyến",
        "description": (
            "Chuẩn bị bài giảng, mở phòng họp trực tuyến có điểm cầu ở các xã, quản lý "
            "câu hỏi, ghi nhận người tham dự và đăng lại nội dung sau buổi phổ biến."
        ),
        "mode": "online",
        "audience": ["reporter", "official"],
        "hours": "6",
        "qualifying": True,
        "pass_mark": 70,
        "prerequisites": [],
        "modules": [
            {
                "kind": "lesson",
                "title": "Chuẩn bị buổi phổ biến trực tuyến",
                "body": (
                    "<p>Thử đường truyền ở từng điểm cầu trước một ngày; gửi tài liệu trước "
                    "cho người dự; dành ít nhất một phần ba thời gian để trả lời câu hỏi.</p>"
                ),
            },
            {
                "kind": "lesson",
                "title": "Sau buổi phổ biến",
                "body": (
                    "<p>Đăng tóm tắt và câu hỏi thường gặp lên cổng thông tin; ghi nhận số "
                    "người dự theo từng xã, phường để báo cáo kết quả.</p>"
                ),
            },
            {
                "kind": "quiz",
                "title": "Bài kiểm tra",
                "quiz": [(PBGDPL, "8"), (PBGDPL, "37"), (TGPL, "2")],
            },
        ],
    },
    {
        "slug": "tap-huan-ky-nang-so-truc-tiep-2026",
        "title": "Tập huấn trực tiếp kỹ năng số cho tuyên truyền viên cơ sở năm 2026",
        "description": (
            "Buổi tập huấn cầm tay chỉ việc tại các cụm xã cho tuyên truyền viên chưa quen "
            "dùng điện thoại thông minh: cài ứng dụng, tra cứu văn bản, chia sẻ tin đúng."
        ),
        "mode": "offline",
        "audience": ["propagandist"],
        "hours": "4",
        "qualifying": True,
        "pass_mark": 70,
        "prerequisites": [],
        "modules": [],
        "sessions": [
            {
                "day": 75,
                "hour": 8,
                "hours": 4,
                "place": "Hội trường Ủy ban nhân dân xã",
                "cluster": 0,
            },
            {"day": 110, "hour": 8, "hours": 4, "place": "Nhà văn hóa cộng đồng", "cluster": 1},
            {
                "day": 200,
                "hour": 13,
                "hours": 4,
                "place": "Hội trường Ủy ban nhân dân phường",
                "cluster": 2,
            },
            {
                "day": 290,
                "hour": 8,
                "hours": 4,
                "place": "Trung tâm học tập cộng đồng",
                "cluster": 3,
            },
        ],
    },
    {
        "slug": "hoa-giai-o-co-so-ket-hop",
        "title": "Bồi dưỡng kỹ năng hòa giải ở cơ sở (trực tiếp và trực tuyến)",
        "description": (
            "Kỹ năng lắng nghe, gợi mở, giúp các bên tự thỏa thuận; những việc không được "
            "hòa giải; ghi sổ theo dõi. Khoá học nghiệp vụ, không tính vào chỉ tiêu kỹ năng số."
        ),
        "mode": "blended",
        "audience": [],
        "hours": "8",
        "qualifying": False,
        "pass_mark": 70,
        "prerequisites": [],
        "modules": [
            {
                "kind": "lesson",
                "title": "Phạm vi hòa giải ở cơ sở",
                "body": (
                    "<p>Luật Hòa giải ở cơ sở (số 35/2013/QH13) nêu các việc được và không "
                    "được hòa giải. Khi gặp việc không thuộc phạm vi, hướng dẫn các bên tới "
                    "cơ quan có thẩm quyền.</p>"
                ),
            },
            {"kind": "quiz", "title": "Bài kiểm tra", "quiz": [(HOA_GIAI, "12"), (HOA_GIAI, "3")]},
        ],
        "sessions": [
            {"day": 150, "hour": 8, "hours": 4, "place": "Hội trường Sở Tư pháp", "cluster": None},
            {"day": 151, "hour": 8, "hours": 4, "online": True, "cluster": None},
        ],
    },
]
