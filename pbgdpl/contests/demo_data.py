"""The contests demo's question bank: 60 multiple-choice items of our own writing about
laws in force, each citing the law by number and the article it rests on.

Every item was checked against the article's text in the Bộ pháp điển and ALQAC corpora
(``/work/shared/data``). Keys: ``field`` (a LegalField code), ``difficulty``, ``stem``,
``choices``, ``correct`` (0-based indexes), ``explanation`` (why, in plain words),
``number`` / ``article`` / ``detail`` (the citation) and ``tags``.
"""

HNGD = "52/2014/QH13"  # Luật Hôn nhân và gia đình
BLDS = "91/2015/QH13"  # Bộ luật Dân sự
HO_TICH = "60/2014/QH13"  # Luật Hộ tịch
BLLD = "45/2019/QH14"  # Bộ luật Lao động
TRE_EM = "102/2016/QH13"  # Luật Trẻ em
PBGDPL = "14/2012/QH13"  # Luật Phổ biến, giáo dục pháp luật
HOA_GIAI = "35/2013/QH13"  # Luật Hòa giải ở cơ sở
TGPL = "11/2017/QH14"  # Luật Trợ giúp pháp lý
CU_TRU = "68/2020/QH14"  # Luật Cư trú
MA_TUY = "73/2021/QH14"  # Luật Phòng, chống ma túy

SEVERAL = " (Chọn tất cả phương án đúng)"

ITEMS: list[dict] = [
    # ------------------------------------------------------------ Hôn nhân và gia đình
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "easy",
        "stem": "Theo Luật Hôn nhân và gia đình năm 2014, nam và nữ phải đủ bao nhiêu tuổi "
        "mới được kết hôn?",
        "choices": [
            "Nam từ đủ 18 tuổi, nữ từ đủ 16 tuổi",
            "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi",
            "Nam và nữ cùng từ đủ 18 tuổi",
            "Nam từ đủ 21 tuổi, nữ từ đủ 19 tuổi",
        ],
        "correct": [1],
        "explanation": "Luật chỉ cho phép kết hôn khi nam đã tròn 20 tuổi và nữ đã tròn 18 "
        "tuổi. Lấy vợ, lấy chồng khi một bên chưa đủ tuổi này là tảo hôn, bị pháp luật cấm.",
        "number": HNGD,
        "article": "8",
        "detail": "điểm a khoản 1",
        "tags": ["kết hôn", "tảo hôn"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "easy",
        "stem": "Một đôi nam nữ đủ tuổi đã làm đám cưới theo phong tục của làng nhưng không "
        "đăng ký kết hôn tại Ủy ban nhân dân xã. Về mặt pháp luật, cuộc hôn nhân này thế nào?",
        "choices": [
            "Có giá trị pháp lý vì hai gia đình và dân làng đã chứng kiến",
            "Không có giá trị pháp lý vì chưa đăng ký kết hôn",
            "Có giá trị pháp lý sau khi hai người sống chung đủ 01 năm",
            "Có giá trị pháp lý nếu già làng xác nhận",
        ],
        "correct": [1],
        "explanation": "Việc kết hôn phải được đăng ký tại cơ quan nhà nước có thẩm quyền; "
        "không đăng ký thì không có giá trị pháp lý, dù đã tổ chức cưới theo phong tục. "
        "Đăng ký kết hôn giúp bảo vệ quyền lợi của vợ, chồng và con cái.",
        "number": HNGD,
        "article": "9",
        "detail": "khoản 1",
        "tags": ["đăng ký kết hôn", "phong tục"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "easy",
        "stem": "Theo Luật Hôn nhân và gia đình, “tảo hôn” là gì?",
        "choices": [
            "Lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn theo luật",
            "Kết hôn khi hai bên chưa có việc làm ổn định",
            "Kết hôn khi chưa được cha mẹ hai bên đồng ý",
            "Kết hôn trước khi học xong trung học phổ thông",
        ],
        "correct": [0],
        "explanation": "Luật giải thích tảo hôn là việc lấy vợ, lấy chồng khi một bên hoặc "
        "cả hai bên chưa đủ tuổi kết hôn (nam chưa đủ 20, nữ chưa đủ 18 tuổi). Việc làm, học "
        "vấn hay sự đồng ý của cha mẹ không phải là tiêu chí xác định tảo hôn.",
        "number": HNGD,
        "article": "3",
        "detail": "khoản 8",
        "tags": ["tảo hôn"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "medium",
        "stem": "Những hành vi nào dưới đây bị Luật Hôn nhân và gia đình cấm?" + SEVERAL,
        "choices": [
            "Tảo hôn",
            "Yêu sách của cải trong kết hôn",
            "Cưỡng ép ly hôn",
            "Tổ chức lễ cưới theo phong tục tốt đẹp của dân tộc",
            "Kết hôn giữa hai người có họ ngoài phạm vi ba đời",
        ],
        "correct": [0, 1, 2],
        "explanation": "Khoản 2 Điều 5 cấm tảo hôn, yêu sách của cải trong kết hôn, cưỡng ép "
        "ly hôn cùng nhiều hành vi khác. Lễ cưới theo phong tục tốt đẹp không bị cấm; luật chỉ "
        "cấm kết hôn giữa những người có họ trong phạm vi ba đời, ngoài phạm vi đó thì được.",
        "number": HNGD,
        "article": "5",
        "detail": "khoản 2",
        "tags": ["hành vi bị cấm"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "medium",
        "stem": "Trong thời kỳ hôn nhân, vợ chồng anh A dùng tiền bán cà phê để mua một lô "
        "đất, giấy chứng nhận chỉ ghi tên anh A. Theo Luật Hôn nhân và gia đình, lô đất này là:",
        "choices": [
            "Tài sản riêng của anh A vì chỉ anh A đứng tên",
            "Tài sản chung của vợ chồng",
            "Tài sản riêng của người vợ",
            "Tài sản chung của gia đình bên nội",
        ],
        "correct": [1],
        "explanation": "Quyền sử dụng đất vợ, chồng có được sau khi kết hôn là tài sản chung, "
        "trừ khi được thừa kế riêng, tặng cho riêng hoặc mua bằng tài sản riêng. Đất mua bằng "
        "thu nhập trong thời kỳ hôn nhân vẫn là tài sản chung dù giấy tờ chỉ ghi tên một người.",
        "number": HNGD,
        "article": "33",
        "detail": "khoản 1",
        "tags": ["tài sản chung", "đất đai"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "medium",
        "stem": "Tài sản nào sau đây là tài sản riêng của vợ hoặc chồng?" + SEVERAL,
        "choices": [
            "Tài sản mỗi người có trước khi kết hôn",
            "Tài sản được thừa kế riêng trong thời kỳ hôn nhân",
            "Tiền lương mỗi người nhận được trong thời kỳ hôn nhân",
            "Tài sản được tặng cho chung cả hai vợ chồng",
        ],
        "correct": [0, 1],
        "explanation": "Tài sản có trước khi kết hôn và tài sản được thừa kế riêng, tặng cho "
        "riêng trong thời kỳ hôn nhân là tài sản riêng (khoản 1 Điều 43). Thu nhập do lao động "
        "và tài sản được tặng cho chung trong thời kỳ hôn nhân là tài sản chung (Điều 33).",
        "number": HNGD,
        "article": "43",
        "detail": "khoản 1",
        "tags": ["tài sản riêng"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "medium",
        "stem": "Vợ chồng muốn bán ngôi nhà là tài sản chung. Theo Luật Hôn nhân và gia đình, "
        "việc bán nhà cần điều kiện gì?",
        "choices": [
            "Chỉ cần người đứng tên trên giấy chứng nhận ký hợp đồng",
            "Phải có sự thỏa thuận bằng văn bản của vợ chồng",
            "Phải được cha mẹ hai bên đồng ý",
            "Phải được Ủy ban nhân dân xã cho phép",
        ],
        "correct": [1],
        "explanation": "Định đoạt tài sản chung là bất động sản (nhà, đất), động sản phải đăng "
        "ký quyền sở hữu hoặc tài sản đang là nguồn thu nhập chủ yếu của gia đình phải có thỏa "
        "thuận bằng văn bản của cả vợ và chồng.",
        "number": HNGD,
        "article": "35",
        "detail": "điểm a khoản 2",
        "tags": ["tài sản chung"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "hard",
        "stem": "Trong trường hợp nào sau đây, người chồng KHÔNG có quyền yêu cầu Tòa án giải "
        "quyết ly hôn?",
        "choices": [
            "Vợ đang nuôi con dưới 12 tháng tuổi",
            "Vợ đang nuôi con 3 tuổi",
            "Vợ đang đi làm ăn xa",
            "Hai vợ chồng đã sống ly thân 2 năm",
        ],
        "correct": [0],
        "explanation": "Chồng không có quyền yêu cầu ly hôn khi vợ đang có thai, sinh con hoặc "
        "đang nuôi con dưới 12 tháng tuổi, để bảo vệ người mẹ và trẻ nhỏ. Quy định này chỉ "
        "hạn chế người chồng; người vợ vẫn có quyền yêu cầu ly hôn.",
        "number": HNGD,
        "article": "51",
        "detail": "khoản 3",
        "tags": ["ly hôn"],
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "difficulty": "hard",
        "stem": "Khi ly hôn, vợ chồng không thỏa thuận được ai trực tiếp nuôi con. Nhận định "
        "nào đúng theo Luật Hôn nhân và gia đình?" + SEVERAL,
        "choices": [
            "Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi, trừ khi mẹ không đủ điều "
            "kiện hoặc cha mẹ có thỏa thuận khác phù hợp với lợi ích của con",
            "Con từ đủ 07 tuổi trở lên thì Tòa án phải xem xét nguyện vọng của con",
            "Con luôn được giao cho người có thu nhập cao hơn",
            "Con trai giao cho cha, con gái giao cho mẹ",
        ],
        "correct": [0, 1],
        "explanation": "Tòa án quyết định người trực tiếp nuôi con căn cứ vào quyền lợi về mọi "
        "mặt của con, phải xem xét nguyện vọng của con từ đủ 07 tuổi; con dưới 36 tháng tuổi "
        "được giao cho mẹ, trừ ngoại lệ luật nêu. Luật không lấy thu nhập cao hơn hay giới "
        "tính của con làm căn cứ giao con.",
        "number": HNGD,
        "article": "81",
        "detail": "khoản 2 và khoản 3",
        "tags": ["ly hôn", "nuôi con"],
    },
    # ------------------------------------------------------------ Dân sự
    {
        "field": "dan-su",
        "difficulty": "easy",
        "stem": "Theo Bộ luật Dân sự năm 2015, người thành niên là người:",
        "choices": [
            "Từ đủ 16 tuổi trở lên",
            "Từ đủ 18 tuổi trở lên",
            "Từ đủ 20 tuổi trở lên",
            "Từ đủ 21 tuổi trở lên",
        ],
        "correct": [1],
        "explanation": "Người thành niên là người từ đủ 18 tuổi trở lên và có năng lực hành vi "
        "dân sự đầy đủ, trừ trường hợp bị mất hoặc hạn chế năng lực hành vi dân sự.",
        "number": BLDS,
        "article": "20",
        "detail": "khoản 1",
        "tags": ["năng lực hành vi"],
    },
    {
        "field": "dan-su",
        "difficulty": "easy",
        "stem": "Chị B nhặt được một chiếc ví có tiền nhưng không biết địa chỉ của người đánh "
        "rơi. Theo Bộ luật Dân sự, chị B phải làm gì?",
        "choices": [
            "Giữ lại dùng vì không ai biết chủ",
            "Thông báo hoặc giao nộp cho Ủy ban nhân dân cấp xã hoặc công an cấp xã nơi gần nhất",
            "Chia đôi với người đi cùng",
            "Đăng lên mạng xã hội, sau 01 tuần không ai nhận thì giữ lại",
        ],
        "correct": [1],
        "explanation": "Người nhặt được tài sản do người khác đánh rơi, bỏ quên mà không biết "
        "địa chỉ của chủ thì phải thông báo hoặc giao nộp cho Ủy ban nhân dân cấp xã hoặc công "
        "an cấp xã nơi gần nhất để thông báo công khai cho chủ sở hữu đến nhận lại.",
        "number": BLDS,
        "article": "230",
        "detail": "khoản 1",
        "tags": ["tài sản đánh rơi"],
    },
    {
        "field": "dan-su",
        "difficulty": "easy",
        "stem": "Theo Bộ luật Dân sự, di chúc được lập dưới hình thức nào?",
        "choices": [
            "Chỉ được lập bằng văn bản có công chứng",
            "Phải lập thành văn bản; chỉ khi không thể lập bằng văn bản mới được di chúc miệng",
            "Chỉ cần nói miệng với con cháu, không cần văn bản",
            "Chỉ cần ghi âm lời người lập di chúc",
        ],
        "correct": [1],
        "explanation": "Di chúc phải được lập thành văn bản; nếu không thể lập bằng văn bản "
        "thì mới có thể di chúc miệng (Điều 627). Di chúc bằng văn bản không có công chứng, "
        "chứng thực vẫn có thể hợp pháp nếu đủ điều kiện luật định (Điều 630).",
        "number": BLDS,
        "article": "627",
        "detail": "",
        "tags": ["thừa kế", "di chúc"],
    },
    {
        "field": "dan-su",
        "difficulty": "medium",
        "stem": "Em C 10 tuổi muốn dùng tiền tiết kiệm của mình để mua một chiếc xe máy. Theo "
        "Bộ luật Dân sự, giao dịch này cần điều kiện gì?",
        "choices": [
            "Em C tự mua được vì dùng tiền của mình",
            "Phải được người đại diện theo pháp luật của em (cha, mẹ) đồng ý",
            "Chỉ cần người bán đồng ý",
            "Chỉ cần có thầy cô giáo làm chứng",
        ],
        "correct": [1],
        "explanation": "Người từ đủ 6 tuổi đến chưa đủ 15 tuổi xác lập giao dịch dân sự phải "
        "được người đại diện theo pháp luật đồng ý, trừ giao dịch phục vụ nhu cầu sinh hoạt "
        "hằng ngày phù hợp với lứa tuổi. Mua xe máy không phải là giao dịch hằng ngày như vậy.",
        "number": BLDS,
        "article": "21",
        "detail": "khoản 3",
        "tags": ["năng lực hành vi", "người chưa thành niên"],
    },
    {
        "field": "dan-su",
        "difficulty": "medium",
        "stem": "Hai người thỏa thuận cho vay tiền có lãi. Theo Bộ luật Dân sự, lãi suất thỏa "
        "thuận không được vượt quá mức nào (trừ trường hợp luật khác quy định khác)?",
        "choices": ["10%/năm", "20%/năm", "30%/năm", "50%/năm"],
        "correct": [1],
        "explanation": "Lãi suất vay do các bên thỏa thuận nhưng không được vượt quá 20%/năm "
        "của khoản tiền vay; phần lãi suất vượt quá mức này không có hiệu lực.",
        "number": BLDS,
        "article": "468",
        "detail": "khoản 1",
        "tags": ["vay tài sản", "lãi suất"],
    },
    {
        "field": "dan-su",
        "difficulty": "medium",
        "stem": "Theo Bộ luật Dân sự, những người nào thuộc hàng thừa kế thứ nhất của người "
        "chết?" + SEVERAL,
        "choices": [
            "Vợ, chồng của người chết",
            "Cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi của người chết",
            "Con đẻ, con nuôi của người chết",
            "Anh ruột, chị ruột, em ruột của người chết",
            "Ông nội, bà nội, ông ngoại, bà ngoại của người chết",
        ],
        "correct": [0, 1, 2],
        "explanation": "Hàng thừa kế thứ nhất gồm vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, "
        "con đẻ, con nuôi của người chết. Ông bà và anh, chị, em ruột thuộc hàng thừa kế thứ "
        "hai, chỉ được hưởng khi không còn ai ở hàng thứ nhất.",
        "number": BLDS,
        "article": "651",
        "detail": "khoản 1",
        "tags": ["thừa kế"],
    },
    {
        "field": "dan-su",
        "difficulty": "hard",
        "stem": "Ông D lập di chúc miệng khi bị bệnh nặng, sau đó ông khỏi bệnh và vẫn minh "
        "mẫn, sáng suốt. Sau bao lâu kể từ thời điểm di chúc miệng thì di chúc đó mặc nhiên bị "
        "hủy bỏ?",
        "choices": ["01 tháng", "03 tháng", "06 tháng", "12 tháng"],
        "correct": [1],
        "explanation": "Di chúc miệng chỉ dùng khi tính mạng bị cái chết đe dọa. Sau 03 tháng "
        "kể từ thời điểm di chúc miệng mà người lập vẫn còn sống, minh mẫn, sáng suốt thì di "
        "chúc miệng mặc nhiên bị hủy bỏ; muốn để lại di chúc, ông D nên lập bằng văn bản.",
        "number": BLDS,
        "article": "629",
        "detail": "khoản 2",
        "tags": ["di chúc"],
    },
    {
        "field": "dan-su",
        "difficulty": "hard",
        "stem": "Thời hiệu để người thừa kế yêu cầu chia di sản là bất động sản (nhà, đất) là "
        "bao lâu, kể từ thời điểm mở thừa kế?",
        "choices": ["10 năm", "20 năm", "30 năm", "Không giới hạn thời gian"],
        "correct": [2],
        "explanation": "Thời hiệu yêu cầu chia di sản là 30 năm đối với bất động sản và 10 năm "
        "đối với động sản, kể từ thời điểm mở thừa kế. Hết thời hạn này, di sản thuộc về người "
        "thừa kế đang quản lý di sản đó.",
        "number": BLDS,
        "article": "623",
        "detail": "khoản 1",
        "tags": ["thừa kế", "thời hiệu"],
    },
    {
        "field": "dan-su",
        "difficulty": "hard",
        "stem": "Ông E lập di chúc để lại toàn bộ tài sản cho một người cháu, không cho vợ và "
        "người con 12 tuổi của ông. Vợ và con ông không từ chối nhận di sản và không thuộc "
        "trường hợp không có quyền hưởng di sản. Theo Bộ luật Dân sự, họ:",
        "choices": [
            "Không được hưởng gì vì di chúc phải được tôn trọng tuyệt đối",
            "Vẫn được hưởng phần di sản bằng hai phần ba suất của một người thừa kế theo pháp luật",
            "Được hưởng toàn bộ di sản vì di chúc bị vô hiệu",
            "Được hưởng một nửa suất của một người thừa kế theo pháp luật",
        ],
        "correct": [1],
        "explanation": "Con chưa thành niên, cha, mẹ, vợ, chồng và con thành niên không có khả "
        "năng lao động vẫn được hưởng phần di sản bằng hai phần ba suất của một người thừa kế "
        "theo pháp luật, dù di chúc không cho hoặc cho ít hơn phần đó.",
        "number": BLDS,
        "article": "644",
        "detail": "khoản 1",
        "tags": ["thừa kế", "di chúc"],
    },
    # ------------------------------------------------------------ Hộ tịch
    {
        "field": "ho-tich",
        "difficulty": "easy",
        "stem": "Trong thời hạn bao lâu kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký "
        "khai sinh cho con?",
        "choices": ["15 ngày", "30 ngày", "60 ngày", "90 ngày"],
        "correct": [2],
        "explanation": "Cha hoặc mẹ phải đăng ký khai sinh cho con trong 60 ngày kể từ ngày "
        "sinh; nếu cha mẹ không thể đi thì ông, bà, người thân thích khác hoặc người đang nuôi "
        "dưỡng trẻ có trách nhiệm đăng ký.",
        "number": HO_TICH,
        "article": "15",
        "detail": "khoản 1",
        "tags": ["khai sinh"],
    },
    {
        "field": "ho-tich",
        "difficulty": "easy",
        "stem": "Khi gia đình có người mất, người thân phải đi đăng ký khai tử trong thời hạn "
        "bao lâu kể từ ngày có người chết?",
        "choices": ["07 ngày", "15 ngày", "30 ngày", "60 ngày"],
        "correct": [1],
        "explanation": "Trong 15 ngày kể từ ngày có người chết, vợ, chồng, con, cha, mẹ hoặc "
        "người thân thích khác của người chết có trách nhiệm đi đăng ký khai tử.",
        "number": HO_TICH,
        "article": "33",
        "detail": "khoản 1",
        "tags": ["khai tử"],
    },
    {
        "field": "ho-tich",
        "difficulty": "easy",
        "stem": "Theo Luật Hộ tịch, cơ quan nào đăng ký khai sinh cho trẻ em có cha mẹ là công "
        "dân Việt Nam cư trú trong nước?",
        "choices": [
            "Ủy ban nhân dân cấp xã nơi cư trú của người cha hoặc người mẹ",
            "Bệnh viện nơi trẻ được sinh ra",
            "Trường mầm non nơi trẻ sẽ theo học",
            "Tòa án nhân dân",
        ],
        "correct": [0],
        "explanation": "Ủy ban nhân dân cấp xã nơi cư trú của người cha hoặc người mẹ thực hiện "
        "đăng ký khai sinh. Bệnh viện chỉ cấp giấy chứng sinh để nộp khi đi đăng ký.",
        "number": HO_TICH,
        "article": "13",
        "detail": "",
        "tags": ["khai sinh"],
    },
    {
        "field": "ho-tich",
        "difficulty": "medium",
        "stem": "Khi đăng ký kết hôn tại Ủy ban nhân dân cấp xã, nhận định nào đúng theo Luật "
        "Hộ tịch?",
        "choices": [
            "Hai bên nam, nữ phải cùng có mặt khi đăng ký kết hôn",
            "Một bên có thể ủy quyền cho người thân đi đăng ký thay",
            "Chỉ cần cha mẹ hai bên có mặt",
            "Không cần có mặt nếu đã nộp tờ khai qua người quen",
        ],
        "correct": [0],
        "explanation": "Hai bên nam, nữ nộp tờ khai và cùng có mặt khi đăng ký kết hôn, cùng ký "
        "vào Sổ hộ tịch và Giấy chứng nhận kết hôn. Việc kết hôn không được ủy quyền cho người "
        "khác làm thay (khoản 2 Điều 6).",
        "number": HO_TICH,
        "article": "18",
        "detail": "khoản 1",
        "tags": ["đăng ký kết hôn"],
    },
    {
        "field": "ho-tich",
        "difficulty": "medium",
        "stem": "Đi đăng ký khai sinh mà không có giấy chứng sinh thì có thể nộp giấy tờ nào "
        "thay thế?" + SEVERAL,
        "choices": [
            "Văn bản của người làm chứng xác nhận về việc sinh",
            "Giấy cam đoan về việc sinh, nếu không có người làm chứng",
            "Giấy khen của trường học",
            "Không thể đăng ký, phải chờ đến khi có giấy chứng sinh",
        ],
        "correct": [0, 1],
        "explanation": "Không có giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận "
        "việc sinh; không có người làm chứng thì làm giấy cam đoan về việc sinh. Thiếu giấy "
        "chứng sinh không phải là lý do để trẻ không được khai sinh.",
        "number": HO_TICH,
        "article": "16",
        "detail": "khoản 1",
        "tags": ["khai sinh"],
    },
    {
        "field": "ho-tich",
        "difficulty": "medium",
        "stem": "Theo Luật Hộ tịch, quê quán của một người được xác định thế nào?",
        "choices": [
            "Theo quê quán của cha hoặc mẹ, theo thỏa thuận của cha mẹ hoặc theo tập quán",
            "Luôn là nơi người đó được sinh ra",
            "Luôn theo quê quán của ông nội",
            "Theo nơi đăng ký thường trú đầu tiên của người đó",
        ],
        "correct": [0],
        "explanation": "Quê quán được xác định theo quê quán của cha hoặc mẹ, theo thỏa thuận "
        "của cha mẹ hoặc theo tập quán, và được ghi trong tờ khai khi đăng ký khai sinh. Quê "
        "quán không đồng nghĩa với nơi sinh.",
        "number": HO_TICH,
        "article": "4",
        "detail": "khoản 8",
        "tags": ["khai sinh", "quê quán"],
    },
    {
        "field": "ho-tich",
        "difficulty": "hard",
        "stem": "Trường hợp cần xác minh điều kiện kết hôn của hai bên, thời hạn giải quyết "
        "đăng ký kết hôn không quá bao lâu?",
        "choices": ["03 ngày làm việc", "05 ngày làm việc", "10 ngày làm việc", "15 ngày"],
        "correct": [1],
        "explanation": "Thông thường, đủ giấy tờ và đủ điều kiện thì được đăng ký kết hôn ngay. "
        "Nếu cần xác minh điều kiện kết hôn thì thời hạn giải quyết không quá 05 ngày làm việc.",
        "number": HO_TICH,
        "article": "18",
        "detail": "khoản 2",
        "tags": ["đăng ký kết hôn"],
    },
    # ------------------------------------------------------------ Lao động
    {
        "field": "lao-dong",
        "difficulty": "easy",
        "stem": "Theo Bộ luật Lao động năm 2019, thời giờ làm việc bình thường (quy định theo "
        "ngày) không quá bao nhiêu?",
        "choices": [
            "08 giờ trong 01 ngày và 48 giờ trong 01 tuần",
            "10 giờ trong 01 ngày và 60 giờ trong 01 tuần",
            "09 giờ trong 01 ngày và 54 giờ trong 01 tuần",
            "12 giờ trong 01 ngày và 72 giờ trong 01 tuần",
        ],
        "correct": [0],
        "explanation": "Thời giờ làm việc bình thường không quá 08 giờ một ngày và 48 giờ một "
        "tuần; Nhà nước khuyến khích người sử dụng lao động thực hiện tuần làm việc 40 giờ.",
        "number": BLLD,
        "article": "105",
        "detail": "khoản 1",
        "tags": ["thời giờ làm việc"],
    },
    {
        "field": "lao-dong",
        "difficulty": "easy",
        "stem": "Lao động nữ sinh một con được nghỉ thai sản trước và sau khi sinh tổng cộng "
        "bao lâu?",
        "choices": ["04 tháng", "05 tháng", "06 tháng", "12 tháng"],
        "correct": [2],
        "explanation": "Lao động nữ được nghỉ thai sản 06 tháng, trong đó thời gian nghỉ trước "
        "khi sinh không quá 02 tháng; sinh đôi trở lên thì từ con thứ hai, mỗi con được nghỉ "
        "thêm 01 tháng.",
        "number": BLLD,
        "article": "139",
        "detail": "khoản 1",
        "tags": ["thai sản", "lao động nữ"],
    },
    {
        "field": "lao-dong",
        "difficulty": "easy",
        "stem": "Người lao động làm đủ 12 tháng cho một người sử dụng lao động, làm công việc "
        "trong điều kiện bình thường, được nghỉ hằng năm hưởng nguyên lương bao nhiêu ngày?",
        "choices": ["10 ngày làm việc", "12 ngày làm việc", "14 ngày làm việc", "16 ngày làm việc"],
        "correct": [1],
        "explanation": "Làm công việc trong điều kiện bình thường được nghỉ 12 ngày làm việc "
        "mỗi năm; người chưa thành niên, người khuyết tật, người làm nghề nặng nhọc, độc hại, "
        "nguy hiểm được nghỉ nhiều hơn.",
        "number": BLLD,
        "article": "113",
        "detail": "điểm a khoản 1",
        "tags": ["nghỉ hằng năm"],
    },
    {
        "field": "lao-dong",
        "difficulty": "medium",
        "stem": "Tiền lương của người lao động trong thời gian thử việc ít nhất phải bằng bao "
        "nhiêu phần trăm mức lương của công việc đó?",
        "choices": ["70%", "75%", "85%", "100%"],
        "correct": [2],
        "explanation": "Tiền lương thử việc do hai bên thỏa thuận nhưng ít nhất phải bằng 85% "
        "mức lương của công việc đó.",
        "number": BLLD,
        "article": "26",
        "detail": "",
        "tags": ["thử việc", "tiền lương"],
    },
    {
        "field": "lao-dong",
        "difficulty": "medium",
        "stem": "Theo Bộ luật Lao động, hai bên được giao kết hợp đồng lao động bằng lời nói "
        "đối với hợp đồng nào (trừ một số trường hợp luật quy định riêng)?",
        "choices": [
            "Hợp đồng có thời hạn dưới 01 tháng",
            "Hợp đồng có thời hạn dưới 12 tháng",
            "Mọi loại hợp đồng, nếu hai bên tin tưởng nhau",
            "Hợp đồng với người lao động chưa đủ 15 tuổi",
        ],
        "correct": [0],
        "explanation": "Hợp đồng lao động phải bằng văn bản (hoặc qua phương tiện điện tử); "
        "chỉ hợp đồng có thời hạn dưới 01 tháng mới được giao kết bằng lời nói. Riêng với "
        "người chưa đủ 15 tuổi, hợp đồng luôn phải bằng văn bản.",
        "number": BLLD,
        "article": "14",
        "detail": "khoản 2",
        "tags": ["hợp đồng lao động"],
    },
    {
        "field": "lao-dong",
        "difficulty": "medium",
        "stem": "Về lao động chưa thành niên, nhận định nào đúng theo Bộ luật Lao động?" + SEVERAL,
        "choices": [
            "Lao động chưa thành niên là người lao động chưa đủ 18 tuổi",
            "Người từ đủ 13 tuổi đến chưa đủ 15 tuổi chỉ được làm công việc nhẹ theo danh mục "
            "do cơ quan có thẩm quyền ban hành",
            "Người chưa đủ 13 tuổi được làm mọi công việc nếu cha mẹ đồng ý",
            "Người từ đủ 15 tuổi được làm mọi công việc như người đã thành niên",
        ],
        "correct": [0, 1],
        "explanation": "Lao động chưa thành niên là người chưa đủ 18 tuổi. Người từ đủ 13 đến "
        "chưa đủ 15 tuổi chỉ làm công việc nhẹ theo danh mục; người chưa đủ 13 tuổi chỉ làm một "
        "số công việc nghệ thuật, thể dục, thể thao theo luật; người từ đủ 15 đến chưa đủ 18 "
        "tuổi vẫn bị cấm làm một số công việc, nơi làm việc.",
        "number": BLLD,
        "article": "143",
        "detail": "",
        "tags": ["lao động chưa thành niên", "trẻ em"],
    },
    {
        "field": "lao-dong",
        "difficulty": "hard",
        "stem": "Người lao động làm việc theo hợp đồng lao động không xác định thời hạn muốn "
        "đơn phương chấm dứt hợp đồng (không thuộc trường hợp được nghỉ ngay) thì phải báo "
        "trước ít nhất bao lâu?",
        "choices": ["03 ngày làm việc", "30 ngày", "45 ngày", "60 ngày"],
        "correct": [2],
        "explanation": "Phải báo trước ít nhất 45 ngày với hợp đồng không xác định thời hạn; 30 "
        "ngày với hợp đồng từ 12 đến 36 tháng; 03 ngày làm việc với hợp đồng dưới 12 tháng.",
        "number": BLLD,
        "article": "35",
        "detail": "điểm a khoản 1",
        "tags": ["chấm dứt hợp đồng"],
    },
    {
        "field": "lao-dong",
        "difficulty": "hard",
        "stem": "Người lao động được đơn phương chấm dứt hợp đồng lao động mà KHÔNG cần báo "
        "trước trong những trường hợp nào?" + SEVERAL,
        "choices": [
            "Không được trả đủ lương hoặc trả lương không đúng thời hạn (trừ trường hợp luật "
            "cho phép)",
            "Bị quấy rối tình dục tại nơi làm việc",
            "Bị người sử dụng lao động ngược đãi, đánh đập",
            "Đủ tuổi nghỉ hưu (trừ khi các bên có thỏa thuận khác)",
            "Muốn chuyển sang làm cho công ty khác trả lương cao hơn",
            "Không hợp tính với đồng nghiệp cùng tổ",
        ],
        "correct": [0, 1, 2, 3],
        "explanation": "Khoản 2 Điều 35 liệt kê các trường hợp được nghỉ ngay không cần báo "
        "trước, như bị nợ lương, bị ngược đãi, bị quấy rối tình dục, đủ tuổi nghỉ hưu. Muốn "
        "đổi chỗ làm hay không hợp đồng nghiệp thì vẫn được nghỉ nhưng phải báo trước.",
        "number": BLLD,
        "article": "35",
        "detail": "khoản 2",
        "tags": ["chấm dứt hợp đồng"],
    },
    {
        "field": "lao-dong",
        "difficulty": "hard",
        "stem": "Công việc có chức danh nghề nghiệp cần trình độ chuyên môn, kỹ thuật từ cao "
        "đẳng trở lên thì thời gian thử việc tối đa là bao lâu?",
        "choices": ["06 ngày làm việc", "30 ngày", "60 ngày", "180 ngày"],
        "correct": [2],
        "explanation": "Mỗi công việc chỉ được thử việc một lần: tối đa 180 ngày với người quản "
        "lý doanh nghiệp, 60 ngày với công việc cần trình độ cao đẳng trở lên, 30 ngày với "
        "trình độ trung cấp, công nhân kỹ thuật, nhân viên nghiệp vụ và 06 ngày làm việc với "
        "công việc khác.",
        "number": BLLD,
        "article": "25",
        "detail": "khoản 2",
        "tags": ["thử việc"],
    },
    # ------------------------------------------------------------ Quyền trẻ em
    {
        "field": "quyen-tre-em",
        "difficulty": "easy",
        "stem": "Theo Luật Trẻ em năm 2016, trẻ em là người:",
        "choices": ["Dưới 14 tuổi", "Dưới 15 tuổi", "Dưới 16 tuổi", "Dưới 18 tuổi"],
        "correct": [2],
        "explanation": "Luật Trẻ em quy định trẻ em là người dưới 16 tuổi. Cần phân biệt với "
        "“người chưa thành niên” trong Bộ luật Dân sự là người chưa đủ 18 tuổi.",
        "number": TRE_EM,
        "article": "1",
        "detail": "",
        "tags": ["trẻ em"],
    },
    {
        "field": "quyen-tre-em",
        "difficulty": "easy",
        "stem": "Tháng hành động vì trẻ em được tổ chức vào tháng nào hằng năm?",
        "choices": ["Tháng 1", "Tháng 6", "Tháng 9", "Tháng 11"],
        "correct": [1],
        "explanation": "Tháng hành động vì trẻ em được tổ chức vào tháng 6 hằng năm để thúc "
        "đẩy phong trào toàn dân chăm sóc, giáo dục và bảo vệ trẻ em.",
        "number": TRE_EM,
        "article": "11",
        "detail": "khoản 1",
        "tags": ["trẻ em"],
    },
    {
        "field": "quyen-tre-em",
        "difficulty": "easy",
        "stem": "Đúng hay sai: Theo Luật Trẻ em, trẻ em có quyền được khai sinh, có họ, tên, có "
        "quốc tịch và được xác định cha, mẹ, dân tộc, giới tính theo quy định của pháp luật.",
        "choices": ["Đúng", "Sai"],
        "correct": [0],
        "explanation": "Đây là quyền được khai sinh và có quốc tịch của trẻ em. Vì vậy cha mẹ "
        "cần đăng ký khai sinh cho con đúng hạn, kể cả khi sinh con ở nhà.",
        "number": TRE_EM,
        "article": "13",
        "detail": "",
        "tags": ["trẻ em", "khai sinh"],
    },
    {
        "field": "quyen-tre-em",
        "difficulty": "medium",
        "stem": "Hành vi nào sau đây bị Luật Trẻ em nghiêm cấm?" + SEVERAL,
        "choices": [
            "Bán rượu, bia, thuốc lá cho trẻ em",
            "Tổ chức, xúi giục, ép buộc trẻ em tảo hôn",
            "Kỳ thị, phân biệt đối xử với trẻ em vì dân tộc, giới tính, hoàn cảnh gia đình",
            "Cho trẻ em tham gia văn nghệ, thể thao ở trường",
            "Hướng dẫn trẻ em phụ giúp việc nhà phù hợp với lứa tuổi",
        ],
        "correct": [0, 1, 2],
        "explanation": "Điều 6 nghiêm cấm bán rượu, bia, thuốc lá cho trẻ em, tổ chức hoặc ép "
        "trẻ em tảo hôn, kỳ thị, phân biệt đối xử với trẻ em. Phụ giúp gia đình việc phù hợp "
        "với lứa tuổi lại là bổn phận của trẻ em (Điều 37); vui chơi, thể thao là quyền của trẻ.",
        "number": TRE_EM,
        "article": "6",
        "detail": "khoản 4, 8, 9",
        "tags": ["trẻ em", "hành vi bị cấm"],
    },
    {
        "field": "quyen-tre-em",
        "difficulty": "medium",
        "stem": "Khi phát hiện một trẻ em có nguy cơ bị bạo lực, bóc lột, bỏ rơi, người dân có "
        "trách nhiệm gì theo Luật Trẻ em?",
        "choices": [
            "Không có trách nhiệm gì nếu không phải người thân của trẻ",
            "Thông tin, thông báo, tố giác đến cơ quan có thẩm quyền",
            "Tự đưa trẻ về nhà mình nuôi mà không cần báo ai",
            "Chỉ cần nhắc nhở cha mẹ của trẻ",
        ],
        "correct": [1],
        "explanation": "Mọi cơ quan, tổ chức, gia đình, cá nhân có trách nhiệm thông báo, tố "
        "giác hành vi xâm hại hoặc nguy cơ trẻ em bị bạo lực, bóc lột, bỏ rơi; công an, Ủy ban "
        "nhân dân cấp xã có trách nhiệm tiếp nhận. Có thể gọi Tổng đài quốc gia bảo vệ trẻ em "
        "111 (miễn phí).",
        "number": TRE_EM,
        "article": "51",
        "detail": "khoản 1",
        "tags": ["trẻ em", "bảo vệ trẻ em"],
    },
    {
        "field": "quyen-tre-em",
        "difficulty": "hard",
        "stem": "Một người muốn đăng lên mạng xã hội thông tin về đời sống riêng tư của một em "
        "học sinh 10 tuổi. Theo Luật Trẻ em, việc này cần điều kiện gì?",
        "choices": [
            "Không cần điều kiện gì nếu thông tin là sự thật",
            "Phải được sự đồng ý của em học sinh và của cha, mẹ hoặc người giám hộ của em",
            "Chỉ cần giáo viên chủ nhiệm đồng ý",
            "Chỉ cần che mặt em trong ảnh",
        ],
        "correct": [1],
        "explanation": "Luật nghiêm cấm công bố, tiết lộ thông tin về đời sống riêng tư, bí mật "
        "cá nhân của trẻ em mà không được sự đồng ý của trẻ từ đủ 07 tuổi trở lên và của cha, "
        "mẹ, người giám hộ. Em học sinh 10 tuổi nên cần cả hai sự đồng ý.",
        "number": TRE_EM,
        "article": "6",
        "detail": "khoản 11",
        "tags": ["trẻ em", "đời sống riêng tư", "môi trường mạng"],
    },
    {
        "field": "quyen-tre-em",
        "difficulty": "hard",
        "stem": "Luật Trẻ em quy định việc bảo vệ trẻ em được thực hiện theo ba cấp độ. Đó là "
        "những cấp độ nào?",
        "choices": [
            "Phòng ngừa, hỗ trợ, can thiệp",
            "Phát hiện, xử lý, khắc phục",
            "Tuyên truyền, giám sát, xử phạt",
            "Gia đình, nhà trường, xã hội",
        ],
        "correct": [0],
        "explanation": "Ba cấp độ bảo vệ trẻ em là phòng ngừa (cho mọi trẻ em và cộng đồng), hỗ "
        "trợ (cho trẻ có nguy cơ hoặc có hoàn cảnh đặc biệt) và can thiệp (cho trẻ bị xâm hại).",
        "number": TRE_EM,
        "article": "47",
        "detail": "khoản 1",
        "tags": ["trẻ em", "bảo vệ trẻ em"],
    },
    # ------------------------------------------------------------ Tư pháp: PBGDPL, hòa giải, TGPL
    {
        "field": "tu-phap",
        "difficulty": "easy",
        "stem": "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam là ngày nào hằng năm?",
        "choices": ["Ngày 2 tháng 9", "Ngày 9 tháng 11", "Ngày 20 tháng 11", "Ngày 1 tháng 6"],
        "correct": [1],
        "explanation": "Ngày 9 tháng 11 hằng năm là Ngày Pháp luật, được tổ chức để tôn vinh "
        "Hiến pháp, pháp luật và giáo dục ý thức thượng tôn pháp luật cho mọi người.",
        "number": PBGDPL,
        "article": "8",
        "detail": "",
        "tags": ["Ngày Pháp luật", "phổ biến pháp luật"],
    },
    {
        "field": "tu-phap",
        "difficulty": "easy",
        "stem": "Theo Luật Phổ biến, giáo dục pháp luật, công dân có quyền và trách nhiệm gì "
        "đối với việc tìm hiểu pháp luật?",
        "choices": [
            "Có quyền được thông tin về pháp luật và có trách nhiệm chủ động tìm hiểu, học tập "
            "pháp luật",
            "Chỉ cán bộ, công chức mới có trách nhiệm tìm hiểu pháp luật",
            "Chỉ phải tìm hiểu pháp luật khi có tranh chấp",
            "Chỉ có quyền được thông tin, không có trách nhiệm tìm hiểu",
        ],
        "correct": [0],
        "explanation": "Công dân vừa có quyền được thông tin về pháp luật, vừa có trách nhiệm "
        "chủ động tìm hiểu, học tập pháp luật; Nhà nước bảo đảm điều kiện để công dân thực hiện "
        "quyền này.",
        "number": PBGDPL,
        "article": "2",
        "detail": "",
        "tags": ["phổ biến pháp luật"],
    },
    {
        "field": "tu-phap",
        "difficulty": "easy",
        "stem": "Theo Luật Trợ giúp pháp lý, người được trợ giúp pháp lý (như người thuộc hộ "
        "nghèo, trẻ em) có phải trả tiền cho dịch vụ này không?",
        "choices": [
            "Không phải trả tiền vì trợ giúp pháp lý là dịch vụ pháp lý miễn phí",
            "Phải trả một nửa chi phí",
            "Phải trả theo giá dịch vụ của luật sư",
            "Chỉ được miễn phí lần đầu",
        ],
        "correct": [0],
        "explanation": "Trợ giúp pháp lý là việc cung cấp dịch vụ pháp lý miễn phí (Điều 2). "
        "Người có công với cách mạng, người thuộc hộ nghèo, trẻ em, người dân tộc thiểu số cư "
        "trú ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn… được trợ giúp (Điều 7).",
        "number": TGPL,
        "article": "2",
        "detail": "",
        "tags": ["trợ giúp pháp lý"],
    },
    {
        "field": "tu-phap",
        "difficulty": "medium",
        "stem": "Những hình thức nào sau đây là hình thức phổ biến, giáo dục pháp luật được "
        "Luật Phổ biến, giáo dục pháp luật quy định?" + SEVERAL,
        "choices": [
            "Tổ chức thi tìm hiểu pháp luật",
            "Phổ biến qua loa truyền thanh, internet, pa-nô, áp-phích",
            "Lồng ghép trong sinh hoạt văn hóa, câu lạc bộ, tủ sách pháp luật ở cơ sở",
            "Buộc mọi người dân nộp bài thu hoạch hằng tháng",
        ],
        "correct": [0, 1, 2],
        "explanation": "Điều 11 nêu nhiều hình thức như thi tìm hiểu pháp luật, phổ biến qua "
        "loa truyền thanh, internet, pa-nô, áp-phích, lồng ghép trong hoạt động văn hóa, tủ "
        "sách pháp luật. Luật không bắt người dân nộp bài thu hoạch.",
        "number": PBGDPL,
        "article": "11",
        "detail": "",
        "tags": ["phổ biến pháp luật", "thi tìm hiểu pháp luật"],
    },
    {
        "field": "tu-phap",
        "difficulty": "medium",
        "stem": "Ai có thẩm quyền quyết định công nhận tuyên truyền viên pháp luật ở xã, phường?",
        "choices": [
            "Chủ tịch Ủy ban nhân dân cấp xã",
            "Bộ trưởng Bộ Tư pháp",
            "Chủ tịch Ủy ban nhân dân cấp tỉnh",
            "Trưởng thôn, tổ trưởng tổ dân phố",
        ],
        "correct": [0],
        "explanation": "Người có uy tín, am hiểu pháp luật được xem xét công nhận là tuyên "
        "truyền viên pháp luật ở xã, phường; Chủ tịch Ủy ban nhân dân cấp xã quyết định công "
        "nhận.",
        "number": PBGDPL,
        "article": "37",
        "detail": "khoản 2",
        "tags": ["tuyên truyền viên pháp luật"],
    },
    {
        "field": "tu-phap",
        "difficulty": "medium",
        "stem": "Theo Luật Hòa giải ở cơ sở, mỗi tổ hòa giải có ít nhất bao nhiêu hòa giải viên?",
        "choices": [
            "02 hòa giải viên",
            "03 hòa giải viên, trong đó có hòa giải viên nữ",
            "05 hòa giải viên",
            "07 hòa giải viên",
        ],
        "correct": [1],
        "explanation": "Mỗi tổ hòa giải có từ 03 hòa giải viên trở lên, trong đó có hòa giải "
        "viên nữ; ở vùng có nhiều đồng bào dân tộc thiểu số, tổ phải có hòa giải viên là người "
        "dân tộc thiểu số.",
        "number": HOA_GIAI,
        "article": "12",
        "detail": "khoản 1",
        "tags": ["hòa giải ở cơ sở"],
    },
    {
        "field": "tu-phap",
        "difficulty": "hard",
        "stem": "Trường hợp nào sau đây KHÔNG thuộc phạm vi hòa giải ở cơ sở?",
        "choices": [
            "Vi phạm pháp luật mà theo quy định phải bị truy cứu trách nhiệm hình sự",
            "Mâu thuẫn giữa hai gia đình về ranh giới vườn cà phê",
            "Mâu thuẫn giữa anh chị em trong nhà về việc chăm sóc cha mẹ già",
            "Va chạm giữa hai hộ hàng xóm do gia súc phá hoa màu",
        ],
        "correct": [0],
        "explanation": "Hòa giải ở cơ sở không áp dụng với mâu thuẫn xâm phạm lợi ích Nhà nước, "
        "lợi ích công cộng, với vi phạm phải bị truy cứu trách nhiệm hình sự hoặc xử lý vi "
        "phạm hành chính, và một số trường hợp khác. Mâu thuẫn thường ngày trong gia đình, "
        "xóm làng thì được hòa giải.",
        "number": HOA_GIAI,
        "article": "3",
        "detail": "điểm c khoản 1",
        "tags": ["hòa giải ở cơ sở"],
    },
    {
        "field": "tu-phap",
        "difficulty": "hard",
        "stem": "Việc phổ biến, giáo dục pháp luật cho người dân ở vùng dân tộc thiểu số, miền "
        "núi được chú trọng thực hiện bằng những cách nào?" + SEVERAL,
        "choices": [
            "Thông qua hòa giải ở cơ sở, trợ giúp pháp lý lưu động",
            "Cung cấp miễn phí thông tin, tài liệu pháp luật bằng tiếng dân tộc",
            "Lồng ghép trong các hoạt động văn hóa truyền thống",
            "Chỉ phát tài liệu bằng tiếng Việt tại trụ sở tỉnh",
        ],
        "correct": [0, 1, 2],
        "explanation": "Luật yêu cầu chú trọng hòa giải ở cơ sở, trợ giúp pháp lý lưu động, tư "
        "vấn pháp luật, cung cấp miễn phí tài liệu bằng tiếng dân tộc và lồng ghép vào hoạt "
        "động văn hóa truyền thống; già làng, người có uy tín được hỗ trợ tham gia.",
        "number": PBGDPL,
        "article": "17",
        "detail": "khoản 2",
        "tags": ["phổ biến pháp luật", "đồng bào dân tộc thiểu số"],
    },
    # ------------------------------------------------------------ An ninh trật tự: cư trú
    {
        "field": "an-ninh-trat-tu",
        "difficulty": "easy",
        "stem": "Công dân đến sinh sống tại chỗ ở hợp pháp ngoài xã, phường nơi đã đăng ký "
        "thường trú để lao động, học tập từ bao nhiêu ngày trở lên thì phải đăng ký tạm trú?",
        "choices": ["15 ngày", "30 ngày", "60 ngày", "90 ngày"],
        "correct": [1],
        "explanation": "Đến sinh sống ngoài phạm vi xã, phường nơi thường trú từ 30 ngày trở "
        "lên để lao động, học tập hoặc vì mục đích khác thì phải đăng ký tạm trú.",
        "number": CU_TRU,
        "article": "27",
        "detail": "khoản 1",
        "tags": ["tạm trú"],
    },
    {
        "field": "an-ninh-trat-tu",
        "difficulty": "easy",
        "stem": "Theo Luật Cư trú, “lưu trú” là việc công dân ở lại một địa điểm không phải "
        "nơi thường trú hoặc nơi tạm trú trong thời gian:",
        "choices": [
            "Ít hơn 30 ngày",
            "Từ 30 ngày đến 06 tháng",
            "Từ 06 tháng đến 01 năm",
            "Từ 01 năm trở lên",
        ],
        "correct": [0],
        "explanation": "Lưu trú là ở lại một nơi không phải nơi thường trú, tạm trú trong thời "
        "gian ít hơn 30 ngày; ở từ 30 ngày trở lên thì thuộc diện đăng ký tạm trú.",
        "number": CU_TRU,
        "article": "2",
        "detail": "khoản 6",
        "tags": ["lưu trú"],
    },
    {
        "field": "an-ninh-trat-tu",
        "difficulty": "medium",
        "stem": "Theo Luật Cư trú, thời hạn tạm trú tối đa là bao lâu?",
        "choices": [
            "06 tháng và không được gia hạn",
            "01 năm và chỉ được gia hạn một lần",
            "02 năm và có thể tiếp tục gia hạn nhiều lần",
            "05 năm",
        ],
        "correct": [2],
        "explanation": "Thời hạn tạm trú tối đa là 02 năm và có thể gia hạn nhiều lần; công dân "
        "làm thủ tục gia hạn trong 15 ngày trước khi hết thời hạn đã đăng ký (Điều 28).",
        "number": CU_TRU,
        "article": "27",
        "detail": "khoản 2",
        "tags": ["tạm trú"],
    },
    {
        "field": "an-ninh-trat-tu",
        "difficulty": "medium",
        "stem": "Gia đình có một người bạn (không phải người thân) đến ở lại qua đêm. Theo Luật "
        "Cư trú, gia đình phải thông báo lưu trú trước mấy giờ của ngày bắt đầu lưu trú?",
        "choices": ["18 giờ", "21 giờ", "23 giờ", "Không phải thông báo"],
        "correct": [2],
        "explanation": "Thông báo lưu trú trước 23 giờ của ngày bắt đầu lưu trú; khách đến sau "
        "23 giờ thì thông báo trước 08 giờ sáng hôm sau. Ông, bà, cha, mẹ, vợ, chồng, con, "
        "cháu, anh, chị, em ruột đến lưu trú nhiều lần thì chỉ cần thông báo một lần.",
        "number": CU_TRU,
        "article": "30",
        "detail": "khoản 4",
        "tags": ["lưu trú"],
    },
    {
        "field": "an-ninh-trat-tu",
        "difficulty": "hard",
        "stem": "Người đã đăng ký thường trú chuyển đến chỗ ở hợp pháp khác và đủ điều kiện "
        "đăng ký thường trú thì phải đăng ký thường trú tại nơi ở mới trong thời hạn bao lâu "
        "kể từ ngày đủ điều kiện?",
        "choices": ["30 ngày", "06 tháng", "12 tháng", "24 tháng"],
        "correct": [2],
        "explanation": "Người chuyển đến chỗ ở hợp pháp khác và đủ điều kiện thì phải đăng ký "
        "thường trú tại nơi ở mới trong thời hạn 12 tháng kể từ ngày đủ điều kiện đăng ký.",
        "number": CU_TRU,
        "article": "22",
        "detail": "khoản 4",
        "tags": ["thường trú"],
    },
    {
        "field": "an-ninh-trat-tu",
        "difficulty": "hard",
        "stem": "Đăng ký thường trú tại chỗ ở thuê, mượn, ở nhờ (không thuộc trường hợp về ở "
        "với người thân) thì diện tích nhà ở tối thiểu do Hội đồng nhân dân cấp tỉnh quy định "
        "nhưng không thấp hơn mức nào?",
        "choices": ["05 m² sàn/người", "08 m² sàn/người", "10 m² sàn/người", "15 m² sàn/người"],
        "correct": [1],
        "explanation": "Ngoài sự đồng ý của chủ sở hữu chỗ ở (và của chủ hộ nếu nhập vào hộ), "
        "chỗ ở thuê, mượn, ở nhờ phải bảo đảm diện tích tối thiểu do Hội đồng nhân dân cấp tỉnh "
        "quy định, không thấp hơn 08 m² sàn mỗi người.",
        "number": CU_TRU,
        "article": "20",
        "detail": "điểm b khoản 3",
        "tags": ["thường trú"],
    },
    # ------------------------------------------------------------ Phòng, chống ma túy
    {
        "field": "phong-chong-ma-tuy",
        "difficulty": "easy",
        "stem": "Theo Luật Phòng, chống ma túy, cây nào sau đây là cây có chứa chất ma túy?",
        "choices": ["Cây thuốc phiện", "Cây cà phê", "Cây hồ tiêu", "Cây điều"],
        "correct": [0],
        "explanation": "Cây có chứa chất ma túy gồm cây thuốc phiện, cây côca, cây cần sa và "
        "các loại cây khác do Chính phủ quy định. Trồng các loại cây này là hành vi bị nghiêm "
        "cấm (khoản 1 Điều 5).",
        "number": MA_TUY,
        "article": "2",
        "detail": "khoản 6",
        "tags": ["ma túy"],
    },
    {
        "field": "phong-chong-ma-tuy",
        "difficulty": "easy",
        "stem": "Theo Luật Phòng, chống ma túy, hành vi nào sau đây bị nghiêm cấm?",
        "choices": [
            "Trồng cây có chứa chất ma túy",
            "Tố giác tội phạm ma túy với cơ quan công an",
            "Giúp đỡ người sau cai nghiện hòa nhập cộng đồng",
            "Tuyên truyền tác hại của ma túy trong gia đình",
        ],
        "correct": [0],
        "explanation": "Trồng và hướng dẫn trồng cây có chứa chất ma túy bị nghiêm cấm. Tố giác "
        "tội phạm, giúp người sau cai nghiện hòa nhập, tuyên truyền trong gia đình lại là "
        "trách nhiệm của cá nhân, gia đình (Điều 6).",
        "number": MA_TUY,
        "article": "5",
        "detail": "khoản 1",
        "tags": ["ma túy", "hành vi bị cấm"],
    },
    {
        "field": "phong-chong-ma-tuy",
        "difficulty": "medium",
        "stem": "Theo Luật Phòng, chống ma túy, việc kỳ thị người sử dụng trái phép chất ma túy, "
        "người đang cai nghiện và người sau cai nghiện ma túy là:",
        "choices": [
            "Hành vi bị nghiêm cấm",
            "Biện pháp cần thiết để răn đe",
            "Được phép nếu người đó tái nghiện",
            "Không được luật đề cập",
        ],
        "correct": [0],
        "explanation": "Kỳ thị người sử dụng trái phép chất ma túy, người cai nghiện và người "
        "sau cai nghiện là hành vi bị nghiêm cấm; gia đình, cộng đồng cần giúp đỡ họ hòa nhập "
        "và phòng, chống tái nghiện.",
        "number": MA_TUY,
        "article": "5",
        "detail": "khoản 11",
        "tags": ["ma túy", "cai nghiện"],
    },
    {
        "field": "phong-chong-ma-tuy",
        "difficulty": "medium",
        "stem": "Luật Phòng, chống ma túy quy định những biện pháp cai nghiện ma túy nào?",
        "choices": [
            "Cai nghiện ma túy tự nguyện và cai nghiện ma túy bắt buộc",
            "Chỉ có cai nghiện ma túy bắt buộc",
            "Chỉ có cai nghiện tại gia đình",
            "Chỉ có cai nghiện tại bệnh viện tư nhân",
        ],
        "correct": [0],
        "explanation": "Có hai biện pháp: cai nghiện tự nguyện (tại gia đình, cộng đồng hoặc cơ "
        "sở cai nghiện) và cai nghiện bắt buộc (tại cơ sở cai nghiện ma túy công lập).",
        "number": MA_TUY,
        "article": "28",
        "detail": "",
        "tags": ["ma túy", "cai nghiện"],
    },
    {
        "field": "phong-chong-ma-tuy",
        "difficulty": "hard",
        "stem": "Theo Luật Phòng, chống ma túy, “tệ nạn ma túy” được hiểu là:",
        "choices": [
            "Việc sử dụng trái phép chất ma túy, nghiện ma túy và các hành vi vi phạm pháp luật "
            "về ma túy mà chưa đến mức hoặc không bị truy cứu trách nhiệm hình sự",
            "Chỉ các tội phạm về ma túy đã bị Tòa án xét xử",
            "Việc dùng thuốc gây nghiện theo đơn của bác sĩ",
            "Việc nghiên cứu chất ma túy được cơ quan có thẩm quyền cho phép",
        ],
        "correct": [0],
        "explanation": "Luật phân biệt tệ nạn ma túy (sử dụng trái phép, nghiện và vi phạm "
        "chưa đến mức hoặc không bị truy cứu trách nhiệm hình sự) với tội phạm ma túy. Dùng "
        "thuốc theo chỉ định của người có thẩm quyền hay hoạt động hợp pháp được phép không "
        "phải tệ nạn.",
        "number": MA_TUY,
        "article": "2",
        "detail": "khoản 8",
        "tags": ["ma túy"],
    },
]
