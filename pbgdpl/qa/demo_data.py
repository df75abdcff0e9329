"""Demo questions and answers for the Legal Q&A (our own writing about real laws)."""

# Each item: one citizen question and how it was handled.
QUESTIONS: list[dict] = [
    {
        "field": "hon-nhan-va-gia-dinh",
        "audiences": ["dong-bao-dan-toc-thieu-so", "phu-nu"],
        "asked": (
            "Chào cán bộ, tôi là H'Lan ở làng Plei Tơ Nag, xã Ia Grai. Con gái tôi năm nay mới "
            "16 tuổi, học lớp 10. Nhà bên kia có con trai 19 tuổi muốn cưới con tôi sau mùa cà "
            "phê, hai bên gia đình cũng đã nói chuyện với nhau theo phong tục của làng rồi. Bà "
            "con trong làng nói cứ làm đám cưới trước, khi nào đủ tuổi thì lên xã đăng ký sau "
            "cũng được. Tôi thấy con còn nhỏ quá, lại đang đi học nên lo lắm. Xin hỏi như vậy "
            "có được không, có bị phạt gì không? Tôi phải làm sao cho đúng luật mà không mất "
            "lòng bên kia?"
        ),
        "title": "Con gái 16 tuổi có được tổ chức cưới rồi đủ tuổi mới đăng ký kết hôn không?",
        "public_question": (
            "Con gái tôi 16 tuổi, đang học lớp 10. Một gia đình trong làng muốn cưới cháu cho "
            "con trai 19 tuổi của họ, hai bên đã bàn theo phong tục và định tổ chức cưới "
            "trước, khi nào đủ tuổi mới đăng ký kết hôn. Xin hỏi làm như vậy có đúng pháp luật "
            "không và có bị xử lý gì không?"
        ),
        "answer": (
            "Chào chị, cảm ơn chị đã hỏi trước khi quyết định. Theo điểm a khoản 1 Điều 8 Luật "
            "Hôn nhân và gia đình năm 2014, nam phải từ đủ 20 tuổi và nữ phải từ đủ 18 tuổi "
            "mới được kết hôn. Như vậy hiện nay cả con gái chị (16 tuổi) và con trai nhà bên "
            "kia (19 tuổi) đều chưa đủ tuổi kết hôn.\n\n"
            "Việc lấy vợ, lấy chồng khi một hoặc cả hai bên chưa đủ tuổi gọi là tảo hôn. Điểm "
            "b khoản 2 Điều 5 của Luật này cấm tảo hôn, và khoản 4 Điều 6 Luật Trẻ em năm 2016 "
            "cũng nghiêm cấm việc tổ chức, xúi giục, ép buộc trẻ em tảo hôn. “Cưới trước, đăng "
            "ký sau” không làm cho việc này trở thành hợp pháp: Ủy ban nhân dân xã sẽ không "
            "đăng ký kết hôn khi chưa đủ tuổi, còn người tổ chức tảo hôn có thể bị xử phạt. "
            "Lấy chồng sớm cũng làm con dễ phải bỏ học, sinh con khi cơ thể chưa phát triển "
            "đầy đủ, ảnh hưởng sức khỏe của cả mẹ và bé.\n\n"
            "Chị có thể nói với gia đình bên kia rằng hai cháu cứ tìm hiểu nhau, chờ đến khi "
            "con gái chị đủ 18 tuổi và con trai họ đủ 20 tuổi thì hai bên mới tổ chức cưới và "
            "cùng lên Ủy ban nhân dân xã đăng ký kết hôn. Nếu cần người giải thích giúp, chị "
            "có thể nhờ già làng, trưởng thôn, hội phụ nữ hoặc công chức tư pháp - hộ tịch của "
            "xã đến nói chuyện với hai gia đình. Như vậy vừa đúng pháp luật, vừa giữ được tình "
            "cảm giữa hai nhà."
        ),
        "citations": [
            {"number": "52/2014/QH13", "article": "8", "detail": "điểm a khoản 1"},
            {"number": "52/2014/QH13", "article": "5", "detail": "điểm b khoản 2"},
            {"number": "102/2016/QH13", "article": "6", "detail": "khoản 4"},
        ],
        "status": "published",
        "days_to_answer": 3,
        "asker": {"name": "Rơ Mah H'Lan", "email": "hlan.romah@example.com"},
    },
    {
        "field": "binh-dang-gioi",
        "audiences": ["phu-nu", "nong-dan"],
        "asked": (
            "Vợ chồng tôi cưới năm 2012, năm 2018 dồn tiền bán cà phê mua thêm 1 ha rẫy ở xã "
            "Chư Sê. Lúc làm sổ đỏ chồng tôi đi làm một mình nên sổ chỉ ghi tên anh ấy. Giờ "
            "anh ấy nói đất đứng tên anh thì anh muốn bán lúc nào cũng được, không cần hỏi ý "
            "tôi. Tôi là đàn bà, không đứng tên thì có quyền gì với mảnh đất đó không? Tôi "
            "muốn thêm tên mình vào sổ thì làm thế nào? Mong cán bộ chỉ giúp, tôi là Nguyễn "
            "Thị Hoa."
        ),
        "title": "Đất mua chung sau khi cưới nhưng sổ đỏ chỉ ghi tên chồng thì vợ có quyền gì?",
        "public_question": (
            "Vợ chồng tôi mua một mảnh rẫy sau khi kết hôn bằng tiền chung, nhưng giấy chứng "
            "nhận quyền sử dụng đất chỉ ghi tên chồng. Chồng tôi cho rằng mình đứng tên nên "
            "được tự ý bán. Tôi có quyền gì với mảnh đất này và muốn ghi thêm tên mình vào "
            "giấy chứng nhận thì làm thế nào?"
        ),
        "answer": (
            "Chào chị, pháp luật bảo vệ quyền của chị trong trường hợp này. Theo khoản 1 Điều "
            "33 Luật Hôn nhân và gia đình năm 2014, quyền sử dụng đất mà vợ chồng có được sau "
            "khi kết hôn là tài sản chung của vợ chồng, trừ khi một người được thừa kế riêng, "
            "được tặng cho riêng hoặc mua bằng tài sản riêng. Mảnh rẫy mua năm 2018 bằng tiền "
            "bán cà phê của cả hai vợ chồng là tài sản chung, dù giấy chứng nhận chỉ ghi tên "
            "anh.\n\n"
            "Khoản 2 Điều 18 Luật Bình đẳng giới cũng khẳng định vợ, chồng có quyền, nghĩa vụ "
            "ngang nhau đối với tài sản chung. Vì vậy, khoản 2 Điều 35 Luật Hôn nhân và gia "
            "đình quy định việc bán, tặng cho hay thế chấp bất động sản là tài sản chung phải "
            "có thỏa thuận bằng văn bản của cả hai vợ chồng. Nếu anh tự ý bán mà không có sự "
            "đồng ý của chị thì theo khoản 2 Điều 26 của Luật này, giao dịch đó vô hiệu (trừ "
            "trường hợp pháp luật bảo vệ người thứ ba ngay tình); chị có quyền yêu cầu Tòa án "
            "giải quyết.\n\n"
            "Khoản 1 Điều 34 Luật Hôn nhân và gia đình quy định giấy chứng nhận đối với tài "
            "sản chung phải ghi tên cả hai vợ chồng, trừ khi vợ chồng có thỏa thuận khác. Chị "
            "và anh có thể mang giấy chứng nhận, căn cước của hai người và giấy chứng nhận kết "
            "hôn đến Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân xã nơi có đất để làm "
            "thủ tục đăng ký biến động, ghi thêm tên chị. Cán bộ sẽ hướng dẫn mẫu đơn cụ thể.\n\n"
            "Nếu anh không đồng ý làm thủ tục, chị có thể nhờ tổ hòa giải ở thôn hoặc hội phụ "
            "nữ xã giúp hai vợ chồng trao đổi; khi cần, chị có quyền đề nghị Tòa án giải "
            "quyết."
        ),
        "citations": [
            {"number": "52/2014/QH13", "article": "34", "detail": "khoản 1"},
            {"number": "52/2014/QH13", "article": "35", "detail": "điểm a khoản 2"},
            {"number": "73/2006/QH11", "article": "18", "detail": "khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 6,
        "asker": {"name": "Nguyễn Thị Hoa", "email": "hoa.nguyen@example.com"},
    },
    {
        "field": "ho-tich",
        "audiences": ["cong-nhan", "nguoi-dan"],
        "asked": (
            "Em tên Tuấn, quê ở xã Ia Hrung, đang làm công nhân ở TP. Hồ Chí Minh. Bạn gái em "
            "người Bình Định cũ, giờ cũng thuộc tỉnh Gia Lai. Tết này tụi em về quê làm đám "
            "cưới nhưng nghỉ có mấy ngày thôi. Em muốn hỏi đăng ký kết hôn làm ở xã em hay xã "
            "bạn gái, có cần cả hai cùng đi không, làm bao lâu thì có giấy, có mất tiền không "
            "ạ? Em sợ về không kịp làm giấy tờ rồi lại phải xin nghỉ thêm."
        ),
        "title": "Về quê ăn Tết muốn đăng ký kết hôn thì làm ở đâu, mất bao lâu, có mất phí không?",
        "public_question": (
            "Tôi và bạn gái đều là người trong tỉnh nhưng đang làm công nhân ở xa, dịp Tết mới "
            "về quê tổ chức cưới. Xin hỏi đăng ký kết hôn làm ở xã nào, hai người có phải cùng "
            "có mặt không, bao lâu thì nhận được giấy chứng nhận kết hôn và có phải nộp lệ phí "
            "không?"
        ),
        "answer": (
            "Chào bạn, chúc mừng hai bạn. Theo khoản 1 Điều 17 Luật Hộ tịch năm 2014, Ủy ban "
            "nhân dân cấp xã nơi cư trú của một trong hai bên thực hiện đăng ký kết hôn. Hai "
            "bạn được chọn làm ở xã của bạn hoặc xã của bạn gái, nơi nào thuận tiện hơn.\n\n"
            "Theo khoản 1 Điều 18 của Luật này, hai bên nam, nữ nộp tờ khai đăng ký kết hôn "
            "theo mẫu và cùng có mặt khi đăng ký. Khi đi, hai bạn mang theo căn cước để xuất "
            "trình. Nếu một bạn đăng ký thường trú ở xã khác với nơi làm thủ tục, cán bộ hộ "
            "tịch sẽ kiểm tra tình trạng hôn nhân qua cơ sở dữ liệu và hướng dẫn bổ sung giấy "
            "tờ nếu cần. Hai bạn có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công trước khi "
            "về để tiết kiệm thời gian, nhưng vẫn phải cùng có mặt để ký vào Sổ hộ tịch và "
            "Giấy chứng nhận kết hôn.\n\n"
            "Theo khoản 2 Điều 18, ngay khi nhận đủ giấy tờ, nếu thấy hai bạn đủ điều kiện kết "
            "hôn thì công chức tư pháp - hộ tịch ghi vào Sổ hộ tịch và Chủ tịch Ủy ban nhân "
            "dân xã tổ chức trao Giấy chứng nhận kết hôn; trường hợp cần xác minh thì thời hạn "
            "không quá 05 ngày làm việc. Theo điểm b khoản 1 Điều 11, đăng ký kết hôn của công "
            "dân Việt Nam cư trú ở trong nước được miễn lệ phí.\n\n"
            "Bạn nên gọi điện hoặc đến Bộ phận một cửa của xã trước Tết vài ngày để hỏi lịch "
            "làm việc dịp lễ, tránh trùng ngày nghỉ."
        ),
        "citations": [
            {"number": "60/2014/QH13", "article": "17", "detail": "khoản 1"},
            {"number": "60/2014/QH13", "article": "18", "detail": ""},
            {"number": "60/2014/QH13", "article": "11", "detail": "điểm b khoản 1"},
        ],
        "status": "published",
        "days_to_answer": 2,
        "asker": {"name": "Lê Văn Tuấn", "email": "tuan.le@example.com"},
    },
    {
        "field": "ho-tich",
        "audiences": ["dong-bao-dan-toc-thieu-so", "phu-nu", "tre-em"],
        "asked": (
            "Tôi là Đinh Thị Blơm, người Bahnar ở làng Kon Brông. Tôi sinh con thứ hai ở nhà, "
            "có bà mụ trong làng đỡ, không đi trạm y tế nên không có giấy chứng sinh. Nay cháu "
            "được 4 tháng rồi mà chưa làm giấy khai sinh vì nhà xa xã, chồng đi làm rẫy suốt. "
            "Tôi nghe nói quá 2 tháng là bị phạt, lại không có giấy chứng sinh nên không dám "
            "đi. Vậy tôi còn làm khai sinh cho con được không, cần mang theo gì?"
        ),
        "title": (
            "Sinh con ở nhà, không có giấy chứng sinh và đã quá 60 ngày thì có khai sinh được "
            "không?"
        ),
        "public_question": (
            "Tôi sinh con tại nhà nên không có giấy chứng sinh. Cháu đã 4 tháng tuổi nhưng "
            "chưa được đăng ký khai sinh vì nhà xa trụ sở xã. Xin hỏi bây giờ còn đăng ký khai "
            "sinh được không và cần những giấy tờ gì?"
        ),
        "answer": (
            "Chào chị, chị vẫn đăng ký khai sinh cho cháu được, và nên làm sớm để bảo đảm "
            "quyền lợi của cháu. Theo khoản 1 Điều 15 Luật Hộ tịch năm 2014, trong thời hạn 60 "
            "ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con. "
            "Quá thời hạn này thì vẫn được đăng ký, chị đừng ngại mà để lâu thêm.\n\n"
            "Việc sinh con ở nhà không có giấy chứng sinh cũng không phải là trở ngại. Khoản 1 "
            "Điều 16 của Luật này quy định: trường hợp không có giấy chứng sinh thì nộp văn "
            "bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì "
            "làm giấy cam đoan về việc sinh. Bà mụ đỡ đẻ cho chị hoặc người trong làng biết "
            "việc chị sinh cháu có thể làm người làm chứng. Chị mang theo tờ khai (cán bộ xã "
            "sẽ đưa mẫu và viết giúp nếu cần), căn cước của chị và giấy chứng nhận kết hôn của "
            "hai vợ chồng nếu có.\n\n"
            "Chị nộp hồ sơ tại Ủy ban nhân dân xã nơi cư trú của chị hoặc của chồng. Theo "
            "khoản 2 Điều 15, công chức tư pháp - hộ tịch có trách nhiệm đôn đốc và khi cần "
            "thì đăng ký khai sinh lưu động, nên chị có thể nhờ trưởng thôn báo để cán bộ "
            "xuống làng làm cùng lúc cho nhiều cháu. Người thuộc hộ nghèo được miễn lệ phí "
            "đăng ký hộ tịch theo khoản 1 Điều 11.\n\n"
            "Có giấy khai sinh, cháu sẽ có số định danh cá nhân, được cấp thẻ bảo hiểm y tế "
            "dành cho trẻ em dưới 6 tuổi và sau này đi học thuận lợi."
        ),
        "citations": [
            {"number": "60/2014/QH13", "article": "15", "detail": ""},
            {"number": "60/2014/QH13", "article": "16", "detail": "khoản 1"},
            {"number": "60/2014/QH13", "article": "11", "detail": "khoản 1"},
        ],
        "status": "published",
        "days_to_answer": 4,
        "asker": {"name": "Đinh Thị Blơm", "email": "blom.dinh@example.com"},
    },
    {
        "field": "dan-su",
        "audiences": ["nong-dan", "nguoi-dan"],
        "asked": (
            "Chào anh chị, tôi là Khánh ở thôn 3 xã Đak Đoa. Năm ngoái nhà tôi mất mùa tiêu "
            "nên vay của ông hàng xóm 30 triệu để mua phân, hai bên viết giấy tay, lãi 3 phần "
            "một tháng. Nay tôi đã trả lãi được 8 tháng nhưng ông ấy nói phải trả luôn gốc "
            "trong tháng này, nếu không thì đòi lấy rẫy. Lãi 3 phần như vậy có đúng luật "
            "không? Tôi có phải trả hết như ông ấy đòi không? Có gì cán bộ gọi lại giúp tôi số "
            "0905 123 456, tôi cảm ơn."
        ),
        "title": "Vay tiền hàng xóm với lãi 3%/tháng có đúng luật không?",
        "public_question": (
            "Tôi vay tiền của người hàng xóm, hai bên viết giấy tay với lãi suất 3% một tháng. "
            "Nay người cho vay đòi trả gốc ngay, nếu không sẽ lấy rẫy. Xin hỏi mức lãi này có "
            "hợp pháp không và tôi phải trả như thế nào?"
        ),
        "answer": (
            "Chào anh, vay tiền giữa người dân với nhau là hợp đồng vay tài sản theo Điều 463 "
            "Bộ luật Dân sự năm 2015: đến hạn, bên vay phải trả đủ tiền gốc và trả lãi nếu hai "
            "bên có thỏa thuận.\n\n"
            "Về lãi suất, khoản 1 Điều 468 Bộ luật Dân sự quy định lãi suất do các bên thỏa "
            "thuận nhưng không được vượt quá 20%/năm của khoản tiền vay, trừ trường hợp luật "
            "khác có quy định khác; phần lãi vượt quá mức này không có hiệu lực. Lãi 3%/tháng "
            "tương đương 36%/năm, cao hơn mức cho phép. Mức trần 20%/năm tương đương khoảng "
            "1,67%/tháng, tức với 30 triệu đồng thì tiền lãi tối đa khoảng 500.000 đồng mỗi "
            "tháng. Số tiền lãi anh đã trả vượt quá mức này có thể được tính trừ vào tiền gốc "
            "khi hai bên tính toán lại.\n\n"
            "Về thời hạn trả, anh xem lại giấy vay có ghi ngày trả hay không. Nếu đã ghi hạn "
            "trả thì người cho vay chỉ được đòi khi đến hạn; nếu không ghi thì theo khoản 2 "
            "Điều 469 Bộ luật Dân sự, người cho vay có quyền đòi lại bất cứ lúc nào nhưng phải "
            "báo trước cho anh một thời gian hợp lý. Người cho vay không được tự ý lấy rẫy để "
            "trừ nợ; việc chuyển quyền sử dụng đất phải do hai bên tự nguyện và làm đúng thủ "
            "tục.\n\n"
            "Anh nên gặp ông hàng xóm để cùng tính lại tiền lãi và thỏa thuận lịch trả nợ, ghi "
            "lại thành văn bản có người làm chứng. Nếu không thống nhất được, anh có thể đề "
            "nghị tổ hòa giải ở thôn giúp; khi hòa giải không thành, mỗi bên có quyền khởi "
            "kiện ra Tòa án."
        ),
        "citations": [
            {"number": "91/2015/QH13", "article": "468", "detail": "khoản 1"},
            {"number": "91/2015/QH13", "article": "469", "detail": "khoản 2"},
            {"number": "91/2015/QH13", "article": "463", "detail": ""},
        ],
        "status": "published",
        "days_to_answer": 5,
        "asker": {"name": "Trần Văn Khánh", "email": "khanh.tran@example.com"},
    },
    {
        "field": "dan-su",
        "audiences": ["phu-nu", "nguoi-dan"],
        "asked": (
            "Ba tôi mất năm ngoái, không để lại di chúc. Ba má có 1 căn nhà và 2 ha cà phê ở "
            "xã Chư Păh, mẹ tôi vẫn còn sống. Nhà có 5 anh chị em, 3 trai 2 gái. Hai anh trai "
            "nói con gái đã lấy chồng là người nhà người ta, không được chia đất, chỉ con trai "
            "mới được hưởng. Tôi là con gái út, đã lấy chồng ở xã khác. Xin hỏi tôi và chị gái "
            "có được hưởng phần không, và mẹ tôi được bao nhiêu? Nếu các anh không chịu chia "
            "thì làm sao?"
        ),
        "title": "Cha mất không để lại di chúc, con gái đã lấy chồng có được chia thừa kế không?",
        "public_question": (
            "Cha tôi mất không để lại di chúc, tài sản gồm nhà và vườn cà phê; mẹ tôi còn "
            "sống, gia đình có 3 con trai và 2 con gái. Các anh trai cho rằng con gái đã lấy "
            "chồng thì không được chia. Xin hỏi con gái có được hưởng thừa kế không và nếu "
            "không thỏa thuận được thì giải quyết thế nào?"
        ),
        "answer": (
            "Chào chị, khi người mất không để lại di chúc thì tài sản được chia theo pháp "
            "luật. Trước hết cần xác định phần di sản của ba chị: nhà và vườn cà phê là tài "
            "sản chung của ba mẹ thì một nửa thuộc về mẹ chị, nửa còn lại là di sản của ba "
            "chị.\n\n"
            "Theo điểm a khoản 1 Điều 651 Bộ luật Dân sự năm 2015, hàng thừa kế thứ nhất gồm "
            "vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, con đẻ, con nuôi của người chết. "
            "Pháp luật không phân biệt con trai hay con gái, con đã lập gia đình hay chưa. "
            "Khoản 2 Điều 651 quy định những người thừa kế cùng hàng được hưởng phần di sản "
            "bằng nhau. Như vậy, nếu ông bà nội của chị đã mất, phần di sản của ba chị được "
            "chia đều cho 6 người: mẹ chị và 5 anh chị em, trong đó có chị và chị gái.\n\n"
            "Cả gia đình có thể ngồi lại thỏa thuận cách chia, ví dụ ai giữ đất thì thối lại "
            "tiền cho người khác, hoặc người nào muốn nhường phần của mình cho mẹ. Thỏa thuận "
            "nên lập thành văn bản phân chia di sản và công chứng hoặc chứng thực để làm thủ "
            "tục sang tên đất.\n\n"
            "Nếu các anh không đồng ý, chị có thể đề nghị tổ hòa giải ở thôn giúp; hòa giải "
            "không thành thì chị có quyền khởi kiện yêu cầu Tòa án chia di sản. Theo khoản 1 "
            "Điều 623 Bộ luật Dân sự, thời hiệu yêu cầu chia di sản là 30 năm đối với bất động "
            "sản, tính từ thời điểm ba chị mất, nên chị vẫn còn đủ thời gian, nhưng không nên "
            "để tranh chấp kéo dài."
        ),
        "citations": [
            {"number": "91/2015/QH13", "article": "651", "detail": "khoản 1, khoản 2"},
            {"number": "91/2015/QH13", "article": "623", "detail": "khoản 1"},
        ],
        "status": "published",
        "days_to_answer": 7,
        "asker": {"name": "Phạm Thị Thu", "email": "thu.pham@example.com"},
    },
    {
        "field": "dan-su",
        "audiences": ["nong-dan", "dong-bao-dan-toc-thieu-so"],
        "asked": (
            "Tôi là Siu Đinh ở làng Plei Ring. Đàn bò 6 con của nhà bên cạnh thả rông, tuần "
            "trước vào rẫy tôi ăn và giẫm gãy gần 50 cây cà phê mới trồng được 1 năm. Tôi sang "
            "nói thì chủ bò bảo làng mình xưa nay bò vẫn thả rông, ai rào rẫy không kỹ thì "
            "chịu, không đền. Xin cán bộ cho hỏi trường hợp này chủ bò có phải đền cho tôi "
            "không, đền theo cách nào?"
        ),
        "title": (
            "Bò nhà hàng xóm thả rông phá cà phê mới trồng thì chủ bò có phải bồi thường không?"
        ),
        "public_question": (
            "Đàn bò của nhà hàng xóm được thả rông, vào rẫy ăn và làm gãy khoảng 50 cây cà phê "
            "mới trồng. Chủ bò cho rằng ở địa phương bò vẫn thả rông theo tập quán nên không "
            "phải đền. Xin hỏi chủ bò có phải bồi thường không?"
        ),
        "answer": (
            "Chào anh, theo khoản 1 Điều 603 Bộ luật Dân sự năm 2015, chủ sở hữu súc vật phải "
            "bồi thường thiệt hại do súc vật gây ra cho người khác. Trường hợp súc vật được "
            "thả rông theo tập quán mà gây thiệt hại thì khoản 4 Điều 603 quy định chủ sở hữu "
            "vẫn phải bồi thường, chỉ khác là việc bồi thường được thực hiện theo tập quán của "
            "địa phương, nhưng tập quán đó không được trái pháp luật và đạo đức xã hội. Như "
            "vậy, “xưa nay thả rông” không phải là lý do để không đền.\n\n"
            "Anh nên làm ngay mấy việc sau. Một là ghi nhận thiệt hại: chụp ảnh, đếm số cây bị "
            "hư, mời trưởng thôn, già làng hoặc người hàng xóm chứng kiến và lập biên bản đơn "
            "giản. Hai là sang gặp chủ bò để thỏa thuận mức đền, có thể tính theo tiền cây "
            "giống, công trồng và chăm sóc đã bỏ ra, hoặc theo cách làng vẫn quen làm khi súc "
            "vật phá hoa màu.\n\n"
            "Nếu hai bên không thống nhất, anh đề nghị tổ hòa giải ở thôn giúp; việc tranh "
            "chấp bồi thường giữa hàng xóm như thế này thuộc phạm vi hòa giải ở cơ sở theo "
            "khoản 1 Điều 3 Luật Hòa giải ở cơ sở năm 2013. Khi hòa giải không thành, anh có "
            "quyền khởi kiện tại Tòa án để yêu cầu bồi thường.\n\n"
            "Về lâu dài, thôn và xã nên bàn với bà con quy ước về chăn thả gia súc, giữ bò vào "
            "mùa cà phê non để tránh mất lòng nhau."
        ),
        "citations": [
            {"number": "91/2015/QH13", "article": "603", "detail": "khoản 1, khoản 4"},
            {"number": "35/2013/QH13", "article": "3", "detail": "khoản 1"},
        ],
        "status": "published",
        "days_to_answer": 5,
        "asker": {"name": "Siu Đinh", "email": "siudinh@example.com"},
    },
    {
        "field": "dat-dai",
        "audiences": ["nong-dan"],
        "asked": (
            "Rẫy nhà tôi giáp rẫy ông Bảy, trước giờ lấy hàng cây muồng làm ranh. Năm nay ông "
            "ấy chặt hàng muồng rồi cắm cọc lấn sang đất tôi khoảng 3 mét dọc theo cả rẫy. Đất "
            "tôi có sổ đỏ từ năm 2005, đất ông ấy chưa có sổ. Tôi muốn kiện ông ấy ra tòa luôn "
            "cho nhanh được không? Hay phải lên xã trước? Tên tôi là Hùng, ở xã Ia Pa."
        ),
        "title": "Tranh chấp ranh giới rẫy với hàng xóm có được kiện thẳng ra Tòa án không?",
        "public_question": (
            "Hàng xóm chặt hàng cây làm ranh giới và cắm cọc lấn sang rẫy của tôi khoảng 3 "
            "mét. Đất của tôi đã có giấy chứng nhận quyền sử dụng đất. Xin hỏi tôi có được "
            "khởi kiện thẳng ra Tòa án không hay phải làm thủ tục gì trước?"
        ),
        "answer": (
            "Chào anh, đây là tranh chấp đất đai về ranh giới giữa hai người sử dụng đất. Theo "
            "Điều 235 Luật Đất đai năm 2024, Nhà nước khuyến khích các bên tự hòa giải hoặc "
            "hòa giải ở cơ sở. Đặc biệt, khoản 2 Điều 235 quy định trước khi cơ quan có thẩm "
            "quyền giải quyết tranh chấp, các bên phải thực hiện hòa giải tại Ủy ban nhân dân "
            "cấp xã nơi có đất tranh chấp. Vì vậy anh chưa khởi kiện thẳng ra Tòa án được; nếu "
            "chưa qua hòa giải ở xã, Tòa án sẽ trả lại đơn.\n\n"
            "Anh làm đơn đề nghị hòa giải tranh chấp đất đai gửi Ủy ban nhân dân xã nơi có "
            "rẫy, nêu rõ diễn biến, kèm bản sao giấy chứng nhận quyền sử dụng đất, ảnh chụp "
            "hàng cọc mới cắm và tên những người biết ranh giới cũ. Xã sẽ tổ chức đo đạc, xem "
            "xét hồ sơ địa chính, mời hai bên và những người liên quan đến để hòa giải, kết "
            "quả được lập thành biên bản.\n\n"
            "Nếu hòa giải thành và ranh giới có thay đổi so với giấy chứng nhận, các bên làm "
            "thủ tục đăng ký biến động theo biên bản. Nếu hòa giải không thành, vì đất anh đã "
            "có giấy chứng nhận nên anh có quyền khởi kiện tại Tòa án nhân dân có thẩm quyền, "
            "kèm biên bản hòa giải không thành của xã.\n\n"
            "Trong lúc chờ giải quyết, anh không nên tự nhổ cọc hay chặt phá cây của bên kia "
            "để tránh xô xát. Nếu có người có hành vi đe dọa, gây thương tích, anh báo ngay "
            "cho Công an xã."
        ),
        "citations": [
            {"number": "31/2024/QH15", "article": "235", "detail": "khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 8,
        "asker": {"name": "Võ Văn Hùng", "email": "hung.vo@example.com"},
    },
    {
        "field": "an-ninh-trat-tu",
        "audiences": ["cong-nhan", "hoc-sinh-sinh-vien"],
        "asked": (
            "Em thường trú ở xã Krông Pa, mới xuống phường Pleiku thuê phòng trọ để đi làm ở "
            "khu công nghiệp, ở chung với 2 bạn đang học cao đẳng. Chủ trọ bảo tụi em phải "
            "đăng ký tạm trú, nhưng em nghĩ ở vài tháng thôi chứ có ở luôn đâu. Em muốn hỏi có "
            "bắt buộc không, làm ở đâu, có làm qua điện thoại được không và ở được bao lâu thì "
            "phải làm lại ạ?"
        ),
        "title": "Đi làm, đi học xa nhà thuê trọ vài tháng có bắt buộc đăng ký tạm trú không?",
        "public_question": (
            "Tôi có hộ khẩu thường trú ở một xã khác, nay thuê phòng trọ ở phường để đi làm "
            "trong vài tháng. Xin hỏi tôi có bắt buộc đăng ký tạm trú không, làm ở đâu, có làm "
            "trực tuyến được không và thời hạn tạm trú là bao lâu?"
        ),
        "answer": (
            "Chào bạn, theo khoản 1 Điều 27 Luật Cư trú năm 2020, công dân đến sinh sống tại "
            "chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi đã đăng ký thường trú "
            "để lao động, học tập hoặc vì mục đích khác từ 30 ngày trở lên thì phải đăng ký "
            "tạm trú. Bạn và các bạn cùng phòng ở trọ tại phường Pleiku vài tháng, tức là trên "
            "30 ngày, nên đều phải đăng ký tạm trú. Chủ trọ nhắc các bạn là đúng.\n\n"
            "Hồ sơ gồm tờ khai thay đổi thông tin cư trú và giấy tờ chứng minh chỗ ở hợp pháp, "
            "ví dụ hợp đồng thuê trọ hoặc văn bản đồng ý của chủ nhà. Theo khoản 2 Điều 28, hồ "
            "sơ nộp tại cơ quan đăng ký cư trú nơi bạn dự kiến tạm trú, tức Công an phường; "
            "trong 03 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ, cơ quan này cập nhật thông "
            "tin và báo cho bạn. Bạn có thể nộp trực tuyến qua ứng dụng VNeID hoặc Cổng Dịch "
            "vụ công, không cần đến trực tiếp nếu hồ sơ đầy đủ. Người chưa đủ 18 tuổi thì tờ "
            "khai phải có ý kiến đồng ý của cha, mẹ hoặc người giám hộ.\n\n"
            "Theo khoản 2 Điều 27, thời hạn tạm trú tối đa là 02 năm và có thể gia hạn nhiều "
            "lần. Khi hết hợp đồng, chuyển chỗ trọ khác thì bạn đăng ký tạm trú lại tại nơi "
            "mới.\n\n"
            "Đăng ký tạm trú giúp bạn thuận lợi khi làm các thủ tục như đăng ký xe, khám chữa "
            "bệnh, cho con đi học, và giúp chính quyền nắm được người đang sống trên địa bàn."
        ),
        "citations": [
            {"number": "68/2020/QH14", "article": "27", "detail": "khoản 1, khoản 2"},
            {"number": "68/2020/QH14", "article": "28", "detail": "khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 2,
        "asker": {"name": "Nay Thị Hồng", "email": "hong.nay@example.com"},
    },
    {
        "field": "lao-dong",
        "audiences": ["cong-nhan"],
        "asked": (
            "Em mới tốt nghiệp trung cấp điện, được một xưởng chế biến gỗ nhận vào làm thợ "
            "điện bảo trì. Xưởng bắt em thử việc 3 tháng, lương thử việc bằng 70% lương chính "
            "thức, nói hết 3 tháng thấy được mới ký hợp đồng. Bạn em cùng làm công nhân đóng "
            "gói cũng phải thử việc 2 tháng. Như vậy có đúng luật không ạ? Nếu trong lúc thử "
            "việc em thấy không hợp muốn nghỉ thì có bị phạt không?"
        ),
        "title": (
            "Thợ điện trình độ trung cấp bị yêu cầu thử việc 3 tháng, hưởng 70% lương có đúng "
            "không?"
        ),
        "public_question": (
            "Tôi có bằng trung cấp, được nhận vào làm thợ điện bảo trì nhưng phải thử việc 3 "
            "tháng với lương bằng 70% lương chính thức; người làm công việc đóng gói cũng phải "
            "thử việc 2 tháng. Xin hỏi như vậy có đúng quy định không và trong thời gian thử "
            "việc tôi có được nghỉ ngang không?"
        ),
        "answer": (
            "Chào bạn, thời gian thử việc do hai bên thỏa thuận nhưng không được vượt mức tối "
            "đa tại Điều 25 Bộ luật Lao động năm 2019, và chỉ được thử việc một lần đối với "
            "một công việc. Cụ thể: không quá 60 ngày với công việc cần trình độ cao đẳng trở "
            "lên; không quá 30 ngày với công việc cần trình độ trung cấp, công nhân kỹ thuật, "
            "nhân viên nghiệp vụ; không quá 06 ngày làm việc với công việc khác. Công việc thợ "
            "điện cần trình độ trung cấp của bạn chỉ được thử việc tối đa 30 ngày; công việc "
            "đóng gói giản đơn của người bạn kia chỉ được thử việc tối đa 06 ngày làm việc. "
            "Yêu cầu thử việc 3 tháng và 2 tháng là trái quy định.\n\n"
            "Về tiền lương, Điều 26 Bộ luật Lao động quy định lương thử việc do hai bên thỏa "
            "thuận nhưng ít nhất phải bằng 85% mức lương của công việc đó. Mức 70% là thấp hơn "
            "mức tối thiểu này.\n\n"
            "Theo khoản 2 Điều 27 Bộ luật Lao động, trong thời gian thử việc, mỗi bên có quyền "
            "hủy bỏ thỏa thuận thử việc mà không cần báo trước và không phải bồi thường. Khi "
            "kết thúc thử việc, người sử dụng lao động phải thông báo kết quả; nếu đạt yêu cầu "
            "thì phải giao kết hợp đồng lao động.\n\n"
            "Bạn có thể góp ý trực tiếp với xưởng, đề nghị điều chỉnh thời gian và mức lương "
            "thử việc cho đúng luật. Nếu không được giải quyết, bạn có thể phản ánh với công "
            "đoàn cơ sở (nếu có) hoặc cơ quan quản lý nhà nước về lao động của tỉnh để được "
            "xem xét."
        ),
        "citations": [
            {"number": "45/2019/QH14", "article": "25", "detail": ""},
            {"number": "45/2019/QH14", "article": "26", "detail": ""},
            {"number": "45/2019/QH14", "article": "27", "detail": "khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 3,
        "asker": {"name": "Huỳnh Minh Nhật", "email": "nhat.huynh@example.com"},
    },
    {
        "field": "lao-dong",
        "audiences": ["nong-dan", "cong-nhan"],
        "asked": (
            "Nhà tôi có 4 ha cà phê, mùa thu hoạch năm nào cũng thuê thêm người hái, khoảng 6 "
            "đến 8 người, làm chừng 3 tuần, trả theo ký quả tươi. Năm nay có người nói thuê "
            "người làm phải ký hợp đồng lao động giấy tờ đàng hoàng, không thì bị phạt. Nhà "
            "nông như tôi thuê người hái mấy tuần thì có cần làm hợp đồng không? Nếu có người "
            "làm lâu hơn, khoảng 2 tháng thì sao?"
        ),
        "title": "Thuê người hái cà phê vài tuần có phải ký hợp đồng lao động bằng văn bản không?",
        "public_question": (
            "Mỗi mùa thu hoạch, gia đình tôi thuê khoảng 6 đến 8 người hái cà phê trong khoảng "
            "3 tuần, trả công theo sản lượng. Xin hỏi có bắt buộc ký hợp đồng lao động bằng "
            "văn bản không, và nếu thuê người làm khoảng 2 tháng thì thế nào?"
        ),
        "answer": (
            "Chào anh, khi anh thuê người hái cà phê, trả công và chỉ dẫn, giám sát công việc "
            "của họ thì quan hệ giữa hai bên là quan hệ lao động. Khoản 1 Điều 13 Bộ luật Lao "
            "động năm 2019 quy định dù hai bên gọi bằng tên khác, nếu có nội dung về việc làm "
            "có trả công, tiền lương và sự quản lý, điều hành, giám sát của một bên thì vẫn "
            "được coi là hợp đồng lao động. Trả công theo ký quả cũng là một hình thức trả "
            "lương theo sản phẩm.\n\n"
            "Về hình thức, khoản 1 Điều 14 Bộ luật Lao động yêu cầu hợp đồng lao động giao kết "
            "bằng văn bản, nhưng khoản 2 Điều 14 cho phép giao kết bằng lời nói đối với hợp "
            "đồng có thời hạn dưới 01 tháng, trừ một số trường hợp đặc biệt như thuê người "
            "chưa đủ 15 tuổi. Vì vậy với những người anh thuê hái khoảng 3 tuần, hai bên có "
            "thể thỏa thuận miệng, nhưng nên nói rõ đơn giá mỗi ký, giờ làm, ngày trả tiền và "
            "có người làm chứng. Ghi một tờ giấy ngắn có chữ ký hai bên thì càng tránh được "
            "tranh cãi.\n\n"
            "Với người làm từ đủ 01 tháng trở lên, ví dụ 2 tháng, anh phải ký hợp đồng lao "
            "động bằng văn bản, làm thành 02 bản, mỗi bên giữ một bản. Trường hợp này người "
            "lao động còn thuộc diện tham gia bảo hiểm xã hội bắt buộc theo Luật Bảo hiểm xã "
            "hội năm 2024, anh nên liên hệ cơ quan bảo hiểm xã hội cơ sở để được hướng dẫn.\n\n"
            "Anh lưu ý không thuê trẻ em chưa đủ 15 tuổi đi hái nếu chưa đáp ứng các điều kiện "
            "chặt chẽ của Bộ luật Lao động, và bảo đảm an toàn cho người làm khi leo cây, đi "
            "lại trên rẫy."
        ),
        "citations": [
            {"number": "45/2019/QH14", "article": "13", "detail": "khoản 1"},
            {"number": "45/2019/QH14", "article": "14", "detail": ""},
            {"number": "41/2024/QH15", "article": "", "detail": ""},
        ],
        "status": "published",
        "days_to_answer": 4,
        "asker": {"name": "Đỗ Văn Lực", "email": "luc.do@example.com"},
    },
    {
        "field": "bao-hiem",
        "audiences": ["nong-dan", "nguoi-dan"],
        "asked": (
            "Tôi năm nay 45 tuổi, làm nông trồng tiêu, cà phê, không làm công ty nên không có "
            "bảo hiểm xã hội. Vợ chồng tôi lo về già không có lương hưu, con cái cũng khó "
            "khăn. Nghe nói có bảo hiểm xã hội tự nguyện nhưng không biết 45 tuổi mới đóng còn "
            "kịp không, đóng bao nhiêu, được hưởng những gì. Nhờ cán bộ giải thích giúp cho dễ "
            "hiểu."
        ),
        "title": "Nông dân 45 tuổi tham gia bảo hiểm xã hội tự nguyện có kịp nhận lương hưu không?",
        "public_question": (
            "Tôi 45 tuổi, làm nông, chưa từng tham gia bảo hiểm xã hội. Xin hỏi bây giờ tham "
            "gia bảo hiểm xã hội tự nguyện có còn kịp để được hưởng lương hưu không, mức đóng "
            "thế nào và được hưởng những chế độ gì?"
        ),
        "answer": (
            "Chào anh, anh tham gia bây giờ vẫn kịp. Bảo hiểm xã hội tự nguyện do Nhà nước tổ "
            "chức, dành cho người không thuộc diện bảo hiểm xã hội bắt buộc như nông dân, "
            "người buôn bán nhỏ, lao động tự do. Luật Bảo hiểm xã hội năm 2024, có hiệu lực từ "
            "ngày 01/7/2025, đã giảm thời gian đóng tối thiểu để được hưởng lương hưu xuống "
            "còn 15 năm. Nếu đóng đều từ năm 45 tuổi, đến tuổi nghỉ hưu theo quy định (nam đủ "
            "62 tuổi khi lộ trình hoàn thành) anh sẽ có hơn 15 năm đóng và được hưởng lương "
            "hưu hằng tháng, kèm thẻ bảo hiểm y tế.\n\n"
            "Mức đóng do anh tự chọn, căn cứ vào mức thu nhập tháng anh lựa chọn (thấp nhất "
            "bằng mức chuẩn hộ nghèo khu vực nông thôn), nhân với tỷ lệ đóng. Anh có thể đóng "
            "hằng tháng, 3 tháng, 6 tháng, 12 tháng một lần hoặc đóng trước cho nhiều năm, tùy "
            "lúc thu hoạch. Nhà nước hỗ trợ một phần tiền đóng, người thuộc hộ nghèo, hộ cận "
            "nghèo được hỗ trợ cao hơn.\n\n"
            "Người tham gia được hưởng chế độ hưu trí và tử tuất; luật mới còn bổ sung chế độ "
            "trợ cấp thai sản cho người tham gia bảo hiểm xã hội tự nguyện. Nếu chẳng may chưa "
            "đủ điều kiện hưởng lương hưu, anh có thể đóng tiếp hoặc nhận các chế độ khác theo "
            "quy định, thời gian đã đóng không bị mất.\n\n"
            "Anh có thể đăng ký tại bảo hiểm xã hội cơ sở, các điểm thu của bưu điện hoặc đại "
            "lý thu ở xã, hoặc qua ứng dụng VssID. Nên mang căn cước và hỏi cán bộ để chọn mức "
            "đóng phù hợp với thu nhập của gia đình."
        ),
        "citations": [
            {"number": "41/2024/QH15", "article": "", "detail": ""},
            {"number": "45/2019/QH14", "article": "169", "detail": "khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 6,
        "asker": None,
    },
    {
        "field": "giao-thong-van-tai",
        "audiences": ["nguoi-dan", "nong-dan"],
        "asked": (
            "Ở làng tôi đám cưới, lễ mừng lúa mới thì ai cũng uống rượu ghè, uống bia. Thanh "
            "niên uống xong vẫn chạy xe máy về, ai cũng nghĩ uống một hai ly thì không sao, "
            "miễn đừng say. Tôi muốn hỏi uống ít thôi có bị phạt không, nếu bị thổi nồng độ "
            "cồn thì bị xử lý thế nào? Tôi muốn nói lại cho bà con trong làng hiểu."
        ),
        "title": "Uống một hai ly rượu, bia rồi chạy xe máy về có bị xử phạt không?",
        "public_question": (
            "Ở địa phương, trong các dịp cưới hỏi, lễ hội, nhiều người uống một ít rượu, bia "
            "rồi vẫn tự chạy xe máy về vì cho rằng chưa say thì không sao. Xin hỏi uống ít có "
            "vi phạm pháp luật không và bị xử lý như thế nào?"
        ),
        "answer": (
            "Chào anh, cảm ơn anh đã muốn giải thích lại cho bà con. Pháp luật nước ta cấm "
            "tuyệt đối việc điều khiển phương tiện khi đã uống rượu, bia, không phân biệt uống "
            "nhiều hay ít, say hay chưa say. Khoản 6 Điều 5 Luật Phòng, chống tác hại của "
            "rượu, bia năm 2019 nghiêm cấm điều khiển phương tiện giao thông mà trong máu hoặc "
            "hơi thở có nồng độ cồn. Luật Trật tự, an toàn giao thông đường bộ năm 2024 cũng "
            "quy định cấm hành vi này.\n\n"
            "Chỉ cần đo được nồng độ cồn trong hơi thở hoặc trong máu là đã vi phạm. Theo Nghị "
            "định số 168/2024/NĐ-CP, người đi xe máy có nồng độ cồn bị phạt tiền theo các mức "
            "tăng dần tùy nồng độ, kèm theo trừ điểm giấy phép lái xe hoặc tước quyền sử dụng "
            "giấy phép lái xe ở mức cao, và xe có thể bị tạm giữ. Nếu gây tai nạn làm chết "
            "người hoặc gây thương tích nặng cho người khác thì còn có thể bị truy cứu trách "
            "nhiệm hình sự, với tình tiết đã uống rượu, bia bị xem xét nghiêm khắc hơn.\n\n"
            "Cơ thể đào thải cồn khá chậm, nên sáng hôm sau vẫn có thể còn nồng độ cồn nếu tối "
            "trước uống nhiều. Cách an toàn nhất là “đã uống rượu, bia thì không lái xe”: nhờ "
            "người không uống chở về, để xe lại nhà chủ tiệc, hoặc đi bộ nếu nhà gần.\n\n"
            "Anh có thể đề nghị trưởng thôn đưa nội dung này vào buổi họp thôn, hoặc nhờ Công "
            "an xã tuyên truyền trước các dịp lễ hội để bà con cùng thực hiện."
        ),
        "citations": [
            {"number": "44/2019/QH14", "article": "5", "detail": "khoản 6"},
            {"number": "36/2024/QH15", "article": "", "detail": ""},
            {"number": "168/2024/NĐ-CP", "article": "", "detail": ""},
        ],
        "status": "published",
        "days_to_answer": 3,
        "asker": {"name": "Kpă Thuyên", "email": "kpathuyen@example.com"},
    },
    {
        "field": "phong-chong-bao-luc-gia-dinh",
        "audiences": ["phu-nu"],
        "asked": (
            "Tôi không biết hỏi ai nên viết vào đây. Chồng tôi cứ uống rượu say là về chửi "
            "bới, đánh tôi, có lần cầm dao dọa giết cả mẹ con. Tôi sợ nhưng không dám báo vì "
            "sợ người ta cười, sợ chồng bị bắt thì con không có cha. Tuần trước anh ấy đánh "
            "tôi bầm cả tay. Tôi phải làm sao để anh ấy không đánh nữa? Có cách nào để tôi và "
            "con được an toàn không? Nếu cán bộ gọi thì gọi số 0987 000 111 vào buổi sáng, lúc "
            "chồng tôi đi rẫy. Tôi tên Mai."
        ),
        "title": (
            "Chồng say rượu thường xuyên đánh vợ, dọa giết thì người vợ cần làm gì để được bảo vệ?"
        ),
        "public_question": (
            "Chồng tôi thường xuyên uống rượu say rồi chửi bới, đánh đập tôi, có lần cầm dao "
            "đe dọa mẹ con tôi. Tôi ngại báo chính quyền vì sợ dư luận. Xin hỏi tôi cần làm gì "
            "để chấm dứt việc bị đánh và bảo đảm an toàn cho mình và con?"
        ),
        "answer": (
            "Chào chị, những gì chị đang chịu đựng là hành vi bạo lực gia đình. Luật Phòng, "
            "chống bạo lực gia đình năm 2022 xác định hành hạ, ngược đãi, đánh đập, đe dọa "
            "hoặc cố ý xâm hại sức khỏe, tính mạng của thành viên gia đình là bạo lực gia "
            "đình. Chị không có lỗi, và việc báo cho chính quyền là để bảo vệ chị và con, "
            "không phải điều đáng xấu hổ.\n\n"
            "Khi nguy hiểm xảy ra, chị gọi ngay số 113 hoặc chạy sang nhà hàng xóm, nhà trưởng "
            "thôn. Chị có thể báo tin cho Ủy ban nhân dân xã, Công an xã, trưởng thôn, chi hội "
            "phụ nữ, bằng cách gọi điện, nhắn tin, gửi đơn hoặc đến trực tiếp. Những nơi này "
            "có trách nhiệm can thiệp kịp thời và giữ kín thông tin cho chị.\n\n"
            "Theo khoản 1 Điều 25 của Luật này, khi hành vi bạo lực gây tổn hại hoặc đe dọa "
            "sức khỏe, tính mạng của chị, chị có thể đề nghị Chủ tịch Ủy ban nhân dân xã quyết "
            "định cấm tiếp xúc, mỗi lần không quá 03 ngày, buộc chồng chị không được đến gần "
            "chị; nếu hành vi đe dọa tính mạng thì Chủ tịch xã có thể tự mình quyết định. Chị "
            "và con cũng có thể được bố trí nơi tạm lánh an toàn. Tùy mức độ, người có hành vi "
            "bạo lực có thể bị xử phạt hành chính, còn hành vi gây thương tích, đe dọa giết "
            "người có thể bị xử lý hình sự.\n\n"
            "Chị nên đi khám và giữ lại giấy tờ khám, ảnh chụp vết thương. Theo điểm e khoản 7 "
            "Điều 7 Luật Trợ giúp pháp lý năm 2017, nạn nhân bạo lực gia đình có khó khăn về "
            "tài chính được trợ giúp pháp lý miễn phí. Bộ phận tiếp nhận sẽ liên hệ lại chị "
            "theo số điện thoại và giờ chị đã dặn."
        ),
        "citations": [
            {"number": "13/2022/QH15", "article": "25", "detail": "khoản 1"},
            {"number": "11/2017/QH14", "article": "7", "detail": "điểm e khoản 7"},
        ],
        "status": "published",
        "days_to_answer": 1,
        "asker": {"name": "Mai", "email": "mai.h@example.com"},
    },
    {
        "field": "phong-chong-ma-tuy",
        "audiences": ["nguoi-dan"],
        "asked": (
            "Con trai tôi 19 tuổi, đi làm thuê ở thị xã một thời gian rồi về nhà, gần đây tôi "
            "phát hiện cháu dùng ma túy đá, có lúc thức mấy đêm liền, cáu gắt, đòi tiền. Cháu "
            "nói muốn bỏ nhưng không bỏ được. Tôi sợ báo công an thì cháu bị bắt đi trại. Xin "
            "hỏi gia đình có thể cho cháu cai ở nhà được không, thủ tục thế nào? Tôi là Lan, ở "
            "xã Phú Thiện."
        ),
        "title": "Con nghiện ma túy muốn cai tại nhà thì gia đình phải làm thủ tục gì?",
        "public_question": (
            "Con trai tôi 19 tuổi đang sử dụng ma túy tổng hợp, cháu muốn cai nhưng chưa tự bỏ "
            "được. Xin hỏi gia đình có thể cho cháu cai nghiện tại nhà không, thủ tục thế nào "
            "và cần lưu ý gì?"
        ),
        "answer": (
            "Chào chị, việc cháu muốn bỏ là điều đáng quý, gia đình nên giúp cháu chủ động cai "
            "nghiện sớm. Theo khoản 2 Điều 28 Luật Phòng, chống ma túy năm 2021, biện pháp cai "
            "nghiện ma túy tự nguyện được thực hiện tại gia đình, cộng đồng hoặc tại cơ sở cai "
            "nghiện ma túy.\n\n"
            "Theo khoản 1 và khoản 2 Điều 30 của Luật này, cai nghiện tự nguyện tại gia đình, "
            "cộng đồng là việc người nghiện cai tại nhà với sự hỗ trợ chuyên môn của tổ chức, "
            "cá nhân cung cấp dịch vụ cai nghiện, sự trợ giúp của gia đình, cộng đồng và chịu "
            "sự quản lý của Ủy ban nhân dân cấp xã; thời hạn từ đủ 06 tháng đến 12 tháng. Cháu "
            "(hoặc gia đình cùng cháu) đến Ủy ban nhân dân xã đăng ký cai nghiện tự nguyện tại "
            "gia đình; Chủ tịch xã tiếp nhận đăng ký, hướng dẫn, quản lý quá trình cai và cấp "
            "giấy xác nhận khi hoàn thành. Nếu gia đình thấy khó quản lý cháu ở nhà, cháu có "
            "thể tự nguyện vào cơ sở cai nghiện.\n\n"
            "Chị cần lưu ý: Bộ luật Hình sự sửa đổi năm 2025 đã bổ sung tội sử dụng trái phép "
            "chất ma túy, áp dụng với người tái sử dụng khi đang trong thời gian cai nghiện, "
            "quản lý sau cai nghiện hoặc trong thời hạn nhất định sau khi tự ý bỏ cai. Vì vậy "
            "khi đã đăng ký cai, cả nhà cần động viên, giám sát để cháu không tái sử dụng. "
            "Luật Phòng, chống ma túy (sửa đổi) được Quốc hội thông qua ngày 10/12/2025 sẽ có "
            "hiệu lực từ ngày 01/7/2026, gia đình nên hỏi Công an xã về các quy định mới khi "
            "làm thủ tục.\n\n"
            "Cháu nên sinh hoạt điều độ, tránh xa nhóm bạn cũ và tìm việc làm ổn định sau khi "
            "cai."
        ),
        "citations": [
            {"number": "73/2021/QH14", "article": "28", "detail": "khoản 2"},
            {"number": "73/2021/QH14", "article": "30", "detail": "khoản 1, khoản 2"},
            {"number": "86/2025/QH15", "article": "", "detail": ""},
        ],
        "status": "published",
        "days_to_answer": 6,
        "asker": {"name": "Lê Thị Lan", "email": "lan.le@example.com"},
    },
    {
        "field": "tro-giup-phap-ly",
        "audiences": ["dong-bao-dan-toc-thieu-so", "nguoi-khuyet-tat", "nguoi-cao-tuoi"],
        "asked": (
            "Tôi là Ksor Blik, người Jrai, năm nay 68 tuổi, ở làng vùng sâu của xã Ia Mơ. Con "
            "trai tôi bị khuyết tật chân. Nhà tôi đang bị người khác chiếm một phần đất rẫy, "
            "tôi muốn nhờ luật sư nhưng không có tiền, lại không biết viết đơn. Nghe nói có "
            "trợ giúp pháp lý miễn phí, vậy tôi có được không, phải làm giấy tờ gì, đi đâu? "
            "Tôi nói tiếng Kinh chưa giỏi."
        ),
        "title": (
            "Người dân tộc thiểu số ở vùng khó khăn, không biết viết đơn có được trợ giúp pháp "
            "lý miễn phí không?"
        ),
        "public_question": (
            "Tôi là người dân tộc thiểu số, 68 tuổi, sống ở vùng sâu, có con bị khuyết tật. "
            "Gia đình đang có tranh chấp đất rẫy nhưng không có tiền thuê luật sư và không "
            "biết viết đơn. Xin hỏi tôi có được trợ giúp pháp lý miễn phí không và cần làm gì?"
        ),
        "answer": (
            "Chào ông, trợ giúp pháp lý là việc Nhà nước cung cấp dịch vụ pháp lý miễn phí cho "
            "những người được pháp luật quy định (Điều 2 Luật Trợ giúp pháp lý năm 2017). "
            "Người được trợ giúp không phải trả tiền hay bất kỳ lợi ích nào cho người giúp "
            "mình.\n\n"
            "Theo khoản 4 Điều 7 của Luật này, người dân tộc thiểu số cư trú ở vùng có điều "
            "kiện kinh tế - xã hội đặc biệt khó khăn là người được trợ giúp pháp lý. Nếu thôn, "
            "xã nơi ông ở thuộc danh sách vùng đặc biệt khó khăn thì ông được trợ giúp mà "
            "không cần chứng minh thu nhập. Ngoài ra, khoản 7 Điều 7 còn quy định người cao "
            "tuổi, người khuyết tật có khó khăn về tài chính cũng thuộc diện được trợ giúp; "
            "con trai ông có thể tự yêu cầu khi cần. Tranh chấp đất đai thuộc lĩnh vực được "
            "trợ giúp, vì Luật chỉ loại trừ lĩnh vực kinh doanh, thương mại.\n\n"
            "Ông có thể đến Trung tâm Trợ giúp pháp lý nhà nước tỉnh Gia Lai hoặc chi nhánh "
            "gần nhất, hoặc nhờ Ủy ban nhân dân xã chuyển yêu cầu giúp. Hồ sơ theo khoản 1 "
            "Điều 29 gồm đơn yêu cầu, giấy tờ chứng minh ông thuộc diện được trợ giúp (ví dụ "
            "căn cước thể hiện dân tộc và nơi cư trú) và giấy tờ liên quan đến mảnh rẫy. Nếu "
            "ông không tự viết được đơn, điểm a khoản 2 Điều 29 quy định người tiếp nhận phải "
            "ghi giúp vào mẫu đơn, đọc lại cho ông nghe để ông ký hoặc điểm chỉ.\n\n"
            "Khi làm việc, ông có thể nhờ con cháu hoặc người trong làng thạo tiếng Kinh đi "
            "cùng để phiên dịch. Trợ giúp viên pháp lý sẽ tư vấn, giúp ông làm đơn, và có thể "
            "đại diện hoặc tham gia tố tụng để bảo vệ quyền lợi của gia đình."
        ),
        "citations": [
            {"number": "11/2017/QH14", "article": "7", "detail": "khoản 4, khoản 7"},
            {"number": "11/2017/QH14", "article": "29", "detail": ""},
            {"number": "11/2017/QH14", "article": "27", "detail": "khoản 1"},
        ],
        "status": "published",
        "days_to_answer": 4,
        "asker": {"name": "Ksor Blik", "email": "ksorblik@example.com"},
    },
    {
        "field": "tu-phap",
        "audiences": ["nguoi-dan"],
        "asked": (
            "Nhà tôi với nhà bên cạnh ở tổ dân phố 5 cãi nhau mấy tháng nay vì nước mưa từ mái "
            "nhà họ đổ xuống sân nhà tôi, lại thêm chuyện gà nhà họ sang bới rau. Hai bên nói "
            "qua nói lại càng to chuyện, tôi không muốn kiện tụng. Nghe nói ở tổ có hòa giải "
            "viên, vậy tôi muốn nhờ hòa giải thì làm thế nào, có mất tiền không, hòa giải xong "
            "có giá trị gì không?"
        ),
        "title": "Mâu thuẫn với hàng xóm về nước mưa, gà bới rau thì nhờ tổ hòa giải thế nào?",
        "public_question": (
            "Gia đình tôi và nhà bên cạnh mâu thuẫn kéo dài vì nước mưa từ mái nhà họ đổ sang "
            "sân nhà tôi và gà của họ phá rau. Tôi không muốn khởi kiện. Xin hỏi muốn nhờ tổ "
            "hòa giải ở khu dân cư thì làm thế nào, có mất phí không và kết quả hòa giải có "
            "giá trị ra sao?"
        ),
        "answer": (
            "Chào anh, những mâu thuẫn giữa hàng xóm như anh nêu rất phù hợp để giải quyết "
            "bằng hòa giải ở cơ sở. Theo khoản 1 Điều 3 Luật Hòa giải ở cơ sở năm 2013, việc "
            "hòa giải được tiến hành đối với các mâu thuẫn, tranh chấp, vi phạm pháp luật, trừ "
            "một số trường hợp như xâm phạm lợi ích của Nhà nước, lợi ích công cộng hoặc vi "
            "phạm phải bị xử lý hình sự, xử lý hành chính. Chuyện nước mưa và gà bới rau không "
            "thuộc các trường hợp loại trừ này.\n\n"
            "Theo Điều 16, hòa giải được tiến hành khi một bên hoặc các bên yêu cầu, khi hòa "
            "giải viên chứng kiến hoặc biết vụ việc, hoặc theo phân công của tổ trưởng tổ hòa "
            "giải. Anh chỉ cần báo bằng lời hoặc bằng văn bản với tổ trưởng tổ hòa giải hay "
            "một hòa giải viên trong tổ dân phố. Theo khoản 2 Điều 20, trong 03 ngày kể từ khi "
            "được phân công, hòa giải viên bắt đầu tiến hành hòa giải, tại nơi thuận tiện cho "
            "hai bên. Anh không phải trả chi phí gì.\n\n"
            "Hòa giải dựa trên sự tự nguyện, không ai bị ép buộc phải đồng ý. Khi hai nhà đạt "
            "được thỏa thuận, ví dụ nhà bên cạnh lắp máng xối dẫn nước về phía đất mình và "
            "nhốt gà, các bên có thể lập văn bản hòa giải thành có chữ ký của hai bên và hòa "
            "giải viên. Hai bên có trách nhiệm thực hiện thỏa thuận, tổ hòa giải sẽ theo dõi, "
            "đôn đốc. Nếu hòa giải không thành hoặc một bên không thực hiện, anh vẫn giữ "
            "nguyên quyền yêu cầu cơ quan có thẩm quyền hoặc Tòa án giải quyết.\n\n"
            "Anh cũng nên giữ bình tĩnh, tránh lời lẽ nặng nề để việc hòa giải thuận lợi hơn."
        ),
        "citations": [
            {"number": "35/2013/QH13", "article": "3", "detail": "khoản 1"},
            {"number": "35/2013/QH13", "article": "16", "detail": ""},
            {"number": "35/2013/QH13", "article": "20", "detail": "khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 3,
        "asker": {"name": "Nguyễn Văn Bình", "email": "binh.nguyen@example.com"},
    },
    {
        "field": "bao-ve-du-lieu-ca-nhan",
        "audiences": ["doanh-nghiep"],
        "asked": (
            "Tôi có cửa hàng điện thoại, sim thẻ ở phường Pleiku. Lâu nay tôi ghi sổ tên, số "
            "điện thoại khách mua máy và chụp lại căn cước của khách khi làm trả góp. Có công "
            "ty bảo hiểm và bên bán bất động sản hỏi mua danh sách số điện thoại khách, trả 2 "
            "triệu cho 1.000 số. Tôi nghĩ số điện thoại thì ai chẳng có, bán cũng không sao. "
            "Xin hỏi từ năm 2026 có luật mới gì không? Số tôi 0912 345 678, anh Tâm."
        ),
        "title": (
            "Chủ cửa hàng có được bán danh sách số điện thoại của khách hàng cho công ty khác "
            "không?"
        ),
        "public_question": (
            "Tôi kinh doanh cửa hàng điện thoại, có lưu tên, số điện thoại và ảnh chụp căn "
            "cước của khách khi làm trả góp. Một số công ty đề nghị mua danh sách số điện "
            "thoại khách hàng. Xin hỏi tôi có được bán không và việc lưu giữ thông tin khách "
            "hàng cần lưu ý gì theo luật mới?"
        ),
        "answer": (
            "Chào anh, anh không được bán danh sách này. Họ tên, số điện thoại, ảnh căn cước "
            "của khách là dữ liệu cá nhân. Luật Bảo vệ dữ liệu cá nhân năm 2025, có hiệu lực "
            "từ ngày 01/01/2026, nghiêm cấm việc mua, bán dữ liệu cá nhân, trừ trường hợp luật "
            "có quy định khác. Khoản 2 Điều 38 Bộ luật Dân sự năm 2015 cũng quy định việc thu "
            "thập, lưu giữ, sử dụng, công khai thông tin về đời sống riêng tư, bí mật cá nhân "
            "phải được người đó đồng ý. Khách đưa số điện thoại cho anh để mua máy, làm trả "
            "góp, không phải để anh bán cho người khác gọi chào mời.\n\n"
            "Nếu bán dữ liệu, cửa hàng có thể bị xử phạt rất nặng theo pháp luật về bảo vệ dữ "
            "liệu cá nhân; trường hợp nghiêm trọng còn có thể bị truy cứu trách nhiệm hình sự. "
            "Khách hàng bị làm phiền, bị lừa đảo do lộ thông tin cũng có quyền yêu cầu anh bồi "
            "thường.\n\n"
            "Việc anh lưu thông tin khách để bảo hành, thu tiền trả góp là có mục đích chính "
            "đáng, nhưng cần: cho khách biết rõ anh thu thông tin gì, để làm gì và được khách "
            "đồng ý; chỉ thu những gì thật sự cần; cất sổ sách, ảnh căn cước ở nơi an toàn, "
            "điện thoại và máy tính có mật khẩu, không gửi qua nhóm chat chung; xóa hoặc hủy "
            "khi đã hết nợ và hết thời hạn cần lưu. Khách có quyền yêu cầu anh cho xem, sửa "
            "hoặc xóa thông tin của họ.\n\n"
            "Với những công ty hỏi mua dữ liệu, anh nên từ chối. Nếu thấy có dấu hiệu mua bán "
            "dữ liệu trái phép, anh có thể báo cho cơ quan Công an."
        ),
        "citations": [
            {"number": "91/2025/QH15", "article": "", "detail": ""},
            {"number": "91/2015/QH13", "article": "38", "detail": "khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 5,
        "asker": {"name": "Bùi Văn Tâm", "email": "tam.bui@example.com"},
    },
    {
        "field": "giao-duc",
        "audiences": ["tre-em", "dong-bao-dan-toc-thieu-so"],
        "asked": (
            "Tôi là giáo viên chủ nhiệm lớp 4 ở điểm trường thôn. Mùa cà phê năm nào cũng có "
            "mấy em nghỉ học cả tháng theo bố mẹ lên rẫy, có em bố mẹ cho nghỉ luôn vì nói học "
            "nhiều cũng không để làm gì, ở nhà phụ hái cà phê còn có tiền. Tôi đến nhà vận "
            "động thì phụ huynh hỏi lại pháp luật có bắt buộc phải cho con đi học không. Xin "
            "cán bộ cho tôi căn cứ để giải thích với phụ huynh."
        ),
        "title": (
            "Cha mẹ cho con đang học tiểu học nghỉ học đi hái cà phê có vi phạm pháp luật không?"
        ),
        "public_question": (
            "Vào mùa thu hoạch cà phê, nhiều học sinh tiểu học nghỉ học dài ngày theo cha mẹ "
            "lên rẫy, có em bị cho nghỉ hẳn. Phụ huynh hỏi pháp luật có bắt buộc phải cho con "
            "đi học không. Xin cho biết căn cứ pháp luật để giải thích với phụ huynh."
        ),
        "answer": (
            "Chào thầy cô, cảm ơn thầy cô đã tận tình với học trò. Theo khoản 1 Điều 14 Luật "
            "Giáo dục năm 2019, giáo dục tiểu học là giáo dục bắt buộc; Nhà nước thực hiện phổ "
            "cập giáo dục trung học cơ sở. Luật sửa đổi, bổ sung một số điều của Luật Giáo dục "
            "được Quốc hội thông qua năm 2025 còn xác định giáo dục trung học cơ sở cũng là "
            "giáo dục bắt buộc. Nghĩa là mọi trẻ em trong độ tuổi đều phải hoàn thành các cấp "
            "học này, không phải chỉ “học nếu muốn”.\n\n"
            "Khoản 3 và khoản 4 Điều 14 quy định công dân trong độ tuổi có nghĩa vụ học tập để "
            "hoàn thành giáo dục bắt buộc, còn gia đình, người giám hộ có trách nhiệm tạo điều "
            "kiện cho các thành viên trong độ tuổi được học tập. Cho con nghỉ học dài ngày hay "
            "bỏ học hẳn để đi làm là không thực hiện trách nhiệm này. Ngoài ra, theo Điều 145 "
            "Bộ luật Lao động năm 2019, không được tuyển dụng, sử dụng người chưa đủ 13 tuổi "
            "làm việc (trừ một số công việc nghệ thuật, thể dục, thể thao), còn khi sử dụng "
            "người chưa đủ 15 tuổi thì phải bố trí giờ làm việc không ảnh hưởng đến thời gian "
            "học tập.\n\n"
            "Khi vận động, thầy cô có thể nhấn mạnh lợi ích: biết chữ, biết tính toán giúp các "
            "em sau này cân phân bón, tính tiền bán cà phê, không bị ép giá, vay nặng lãi. Nhà "
            "trường có thể phối hợp với trưởng thôn, già làng, hội phụ nữ và Ủy ban nhân dân "
            "xã cùng đến gia đình, đồng thời linh hoạt giao bài, phụ đạo bù cho học sinh nghỉ "
            "mùa vụ. Học sinh ở vùng đặc biệt khó khăn còn được hưởng các chính sách hỗ trợ "
            "của Nhà nước, nhà trường nên hướng dẫn phụ huynh làm hồ sơ để các em có thêm điều "
            "kiện đến lớp."
        ),
        "citations": [
            {"number": "43/2019/QH14", "article": "14", "detail": "khoản 1, khoản 3, khoản 4"},
            {"number": "123/2025/QH15", "article": "", "detail": ""},
            {"number": "45/2019/QH14", "article": "145", "detail": "điểm b khoản 1, khoản 3"},
        ],
        "status": "published",
        "days_to_answer": 5,
        "asker": {"name": "Trịnh Thị Hạnh", "email": "hanh.trinh@example.com"},
    },
    {
        "field": "moi-truong",
        "audiences": ["nong-dan"],
        "asked": (
            "Ở thôn tôi nhiều nhà phun thuốc xong vứt chai lọ, bao thuốc xuống suối hoặc đốt "
            "luôn ngoài rẫy cùng với cành cà phê cắt tỉa, rác nhà cũng gom đốt. Khói khét lắm, "
            "nước suối thì trâu bò uống. Tôi góp ý thì họ bảo ai cũng làm thế, luật đâu cấm. "
            "Xin hỏi vứt vỏ thuốc bảo vệ thực vật, đốt rác, đốt cành ngoài rẫy như vậy có vi "
            "phạm gì không?"
        ),
        "title": (
            "Vứt vỏ thuốc bảo vệ thực vật xuống suối, đốt rác và cành cây ngoài rẫy có bị cấm "
            "không?"
        ),
        "public_question": (
            "Nhiều hộ gia đình sau khi phun thuốc bảo vệ thực vật vứt bao bì xuống suối hoặc "
            "đốt ngoài rẫy cùng với cành cây cắt tỉa và rác sinh hoạt. Xin hỏi những việc này "
            "có vi phạm pháp luật không và nên xử lý như thế nào cho đúng?"
        ),
        "answer": (
            "Chào anh, những việc anh nêu đều trái với Luật Bảo vệ môi trường năm 2020. Khoản "
            "1 Điều 6 của Luật này nghiêm cấm việc vận chuyển, chôn, lấp, đổ, thải, đốt chất "
            "thải rắn, chất thải nguy hại không đúng quy trình kỹ thuật, quy định của pháp "
            "luật về bảo vệ môi trường.\n\n"
            "Riêng trong sản xuất nông nghiệp, khoản 3 Điều 61 quy định bao bì đựng thuốc bảo "
            "vệ thực vật, phân bón sau khi sử dụng phải được quản lý theo quy định về quản lý "
            "chất thải. Vỏ chai, bao thuốc còn dính hóa chất độc, vứt xuống suối sẽ làm ô "
            "nhiễm nguồn nước mà người và gia súc dùng, còn đốt thì sinh khí độc. Cách làm "
            "đúng là tráng rửa bình phun ngay tại ruộng, gom vỏ chai, bao gói vào bể chứa "
            "chuyên dùng đặt ở đầu lô, đầu rẫy để đơn vị có chức năng thu gom, xử lý; nơi nào "
            "chưa có bể chứa, thôn nên đề nghị xã bố trí.\n\n"
            "Khoản 4 Điều 61 quy định phụ phẩm nông nghiệp phải được thu gom để sử dụng làm "
            "nguyên liệu, phân bón, năng lượng hoặc xử lý theo quy định; không đốt ngoài trời "
            "phụ phẩm từ cây trồng gây ô nhiễm môi trường. Cành cà phê cắt tỉa, vỏ cà phê có "
            "thể băm nhỏ ủ làm phân hữu cơ bón lại cho vườn, vừa tiết kiệm phân bón vừa cải "
            "tạo đất.\n\n"
            "Rác sinh hoạt trong nhà nên được phân loại: rác tái chế, rác thực phẩm (có thể ủ "
            "phân, cho gia súc ăn) và rác khác để chuyển cho đơn vị thu gom. Thôn có thể đưa "
            "việc này vào hương ước, quy ước. Người vi phạm có thể bị xử phạt vi phạm hành "
            "chính theo quy định."
        ),
        "citations": [
            {"number": "72/2020/QH14", "article": "6", "detail": "khoản 1"},
            {"number": "72/2020/QH14", "article": "61", "detail": "khoản 3, khoản 4"},
            {"number": "72/2020/QH14", "article": "75", "detail": "khoản 1"},
        ],
        "status": "published",
        "days_to_answer": 7,
        "asker": {"name": "Rmah Duy", "email": "rmahduy@example.com"},
    },
    {
        "field": "hinh-su",
        "audiences": ["tre-em", "nguoi-dan"],
        "asked": (
            "Con tôi 15 tuổi, học lớp 9, đi chơi với mấy đứa bạn rồi cùng lấy trộm cái điện "
            "thoại của một người trong xóm, giá khoảng 5 triệu. Công an xã đã mời lên làm "
            "việc, điện thoại đã trả lại. Tôi rất lo, không biết cháu có bị đi tù, có bị ghi "
            "án tích ảnh hưởng chuyện học hành sau này không? Gia đình có phải đền gì không?"
        ),
        "title": (
            "Con 15 tuổi cùng bạn lấy trộm điện thoại trị giá 5 triệu đồng có bị truy cứu hình "
            "sự không?"
        ),
        "public_question": (
            "Con tôi 15 tuổi cùng bạn lấy trộm một chiếc điện thoại trị giá khoảng 5 triệu "
            "đồng, nay đã trả lại tài sản. Xin hỏi cháu có bị truy cứu trách nhiệm hình sự "
            "không và gia đình có phải bồi thường không?"
        ),
        "answer": (
            "Chào anh chị, theo khoản 1 Điều 12 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm "
            "2017), người từ đủ 16 tuổi trở lên phải chịu trách nhiệm hình sự về mọi tội phạm, "
            "trừ những tội phạm mà Bộ luật có quy định khác. Với người từ đủ 14 tuổi đến dưới "
            "16 tuổi như cháu, khoản 2 Điều 12 quy định chỉ phải chịu trách nhiệm hình sự về "
            "tội phạm rất nghiêm trọng hoặc đặc biệt nghiêm trọng tại một số điều được liệt "
            "kê, trong đó có tội trộm cắp tài sản (Điều 173).\n\n"
            "Trộm cắp tài sản trị giá khoảng 5 triệu đồng, nếu không có tình tiết đặc biệt, "
            "thuộc khung cơ bản của Điều 173, là tội phạm ít nghiêm trọng, không phải tội rất "
            "nghiêm trọng. Vì vậy, theo quy định trên, cháu không bị truy cứu trách nhiệm hình "
            "sự về hành vi này và không có án tích. Tuy nhiên, cháu vẫn có thể bị xử lý vi "
            "phạm hành chính hoặc áp dụng biện pháp giáo dục phù hợp theo quy định; cơ quan có "
            "thẩm quyền sẽ xem xét cụ thể vai trò của từng em.\n\n"
            "Về trách nhiệm dân sự, khoản 2 Điều 586 Bộ luật Dân sự năm 2015 quy định người từ "
            "đủ 15 tuổi đến chưa đủ 18 tuổi gây thiệt hại thì phải bồi thường bằng tài sản của "
            "mình; nếu không đủ thì cha, mẹ bồi thường phần còn thiếu. Điện thoại đã được trả "
            "lại, nếu máy bị hư hỏng hoặc người bị hại có thiệt hại khác thì gia đình cần thỏa "
            "thuận bồi thường.\n\n"
            "Quan trọng nhất là gia đình cùng nhà trường nói chuyện thẳng thắn với cháu, giúp "
            "cháu hiểu sai trái, xin lỗi người bị hại và tránh xa nhóm bạn xấu. Nếu cần tư vấn "
            "thêm, gia đình có thể liên hệ Trung tâm Trợ giúp pháp lý nhà nước tỉnh, vì trẻ em "
            "thuộc diện được trợ giúp pháp lý miễn phí."
        ),
        "citations": [
            {"number": "100/2015/QH13", "article": "12", "detail": "khoản 2"},
            {"number": "91/2015/QH13", "article": "586", "detail": "khoản 2"},
            {"number": "11/2017/QH14", "article": "7", "detail": "khoản 3"},
        ],
        "status": "published",
        "days_to_answer": 6,
        "asker": None,
    },
    {
        "field": "quyen-tre-em",
        "audiences": ["tre-em", "nong-dan"],
        "asked": (
            "Tôi có trang trại cà phê 10 ha ở xã Ia Blang, mùa thu hoạch thiếu người hái. Mấy "
            "gia đình công nhân làm cho tôi có con 12, 13 tuổi, các cháu nghỉ học ở nhà cũng "
            "muốn đi hái kiếm tiền, trả theo ký như người lớn. Bố mẹ các cháu đồng ý rồi. Tôi "
            "có được nhận các cháu vào hái không? Nếu được thì cần điều kiện gì để không bị "
            "phạt?"
        ),
        "title": (
            "Chủ trang trại có được thuê trẻ em 12, 13 tuổi hái cà phê nếu cha mẹ đồng ý không?"
        ),
        "public_question": (
            "Tôi có trang trại cà phê, mùa thu hoạch thiếu người. Một số trẻ em 12, 13 tuổi là "
            "con của người lao động muốn đi hái cà phê lấy tiền công và được cha mẹ đồng ý. "
            "Xin hỏi tôi có được thuê các em không và nếu được thì phải đáp ứng điều kiện gì?"
        ),
        "answer": (
            "Chào anh, pháp luật bảo vệ rất chặt chẽ trẻ em trong lao động, kể cả khi cha mẹ "
            "đồng ý.\n\n"
            "Với các cháu chưa đủ 13 tuổi, khoản 3 Điều 145 Bộ luật Lao động năm 2019 quy định "
            "người sử dụng lao động không được tuyển dụng và sử dụng người chưa đủ 13 tuổi làm "
            "việc, trừ các công việc nghệ thuật, thể dục, thể thao và phải được cơ quan chuyên "
            "môn về lao động cấp tỉnh đồng ý. Hái cà phê không thuộc các công việc này, nên "
            "anh không được nhận cháu 12 tuổi vào làm.\n\n"
            "Với các cháu từ đủ 13 tuổi đến chưa đủ 15 tuổi, khoản 3 Điều 143 chỉ cho phép làm "
            "công việc nhẹ theo danh mục do cơ quan có thẩm quyền ban hành. Nếu công việc được "
            "phép, khoản 1 Điều 145 yêu cầu anh phải: giao kết hợp đồng lao động bằng văn bản "
            "với cả cháu và cha mẹ cháu; bố trí giờ làm không ảnh hưởng đến thời gian học tập; "
            "có giấy khám sức khỏe xác nhận sức khỏe phù hợp và khám định kỳ; bảo đảm điều "
            "kiện làm việc an toàn, phù hợp lứa tuổi. Làm cả ngày trên rẫy dốc, mang vác bao "
            "cà phê nặng, tiếp xúc thuốc bảo vệ thực vật là không phù hợp với các cháu.\n\n"
            "Ngoài ra, khoản 3 Điều 6 Luật Trẻ em năm 2016 nghiêm cấm bóc lột trẻ em. Vi phạm "
            "các quy định trên có thể bị xử phạt vi phạm hành chính với mức phạt nặng. Lời "
            "khuyên của chúng tôi là anh không nên thuê trẻ em hái cà phê; thay vào đó, anh có "
            "thể liên hệ Ủy ban nhân dân xã hoặc các tổ vần công trong thôn để tìm thêm lao "
            "động người lớn trong mùa vụ, và khuyến khích các cháu quay lại trường."
        ),
        "citations": [
            {"number": "45/2019/QH14", "article": "145", "detail": "khoản 1, khoản 3"},
            {"number": "45/2019/QH14", "article": "143", "detail": "khoản 3"},
            {"number": "102/2016/QH13", "article": "6", "detail": "khoản 3"},
        ],
        "status": "published",
        "days_to_answer": 5,
        "asker": {"name": "Trương Quốc Việt", "email": "viet.truong@example.com"},
    },
    {
        "field": "khieu-nai-to-cao",
        "audiences": ["nguoi-dan"],
        "asked": (
            "Hai tháng trước tôi nhận được quyết định của Chủ tịch Ủy ban nhân dân xã về việc "
            "không hỗ trợ cho nhà tôi khi làm đường đi qua vườn, trong khi mấy nhà bên cạnh "
            "đều được hỗ trợ. Tôi thấy không công bằng nhưng lúc đó đang nằm viện mổ ruột thừa "
            "nên chưa làm gì. Giờ tôi khiếu nại còn được không? Khiếu nại gửi ai?"
        ),
        "title": (
            "Không đồng ý quyết định của Chủ tịch xã đã nhận hai tháng trước thì còn khiếu nại "
            "được không?"
        ),
        "public_question": (
            "Tôi nhận được quyết định hành chính của Chủ tịch Ủy ban nhân dân xã cách đây "
            "khoảng hai tháng và không đồng ý với quyết định đó; thời gian qua tôi phải nằm "
            "viện điều trị. Xin hỏi tôi còn quyền khiếu nại không và gửi đơn đến đâu?"
        ),
        "answer": (
            "Chào anh, anh vẫn còn quyền khiếu nại. Theo Điều 9 Luật Khiếu nại năm 2011, thời "
            "hiệu khiếu nại là 90 ngày, kể từ ngày nhận được quyết định hành chính hoặc biết "
            "được quyết định hành chính, hành vi hành chính. Anh nhận quyết định mới khoảng "
            "hai tháng nên vẫn trong thời hiệu. Hơn nữa, cũng theo Điều 9, nếu người khiếu nại "
            "không thực hiện được quyền khiếu nại đúng thời hiệu vì ốm đau hoặc trở ngại khách "
            "quan khác thì thời gian có trở ngại đó không tính vào thời hiệu. Anh nên giữ lại "
            "giấy ra viện để chứng minh khi cần, nhưng tốt nhất là làm đơn ngay.\n\n"
            "Theo khoản 1 Điều 7 Luật Khiếu nại, anh khiếu nại lần đầu đến người đã ra quyết "
            "định, tức Chủ tịch Ủy ban nhân dân xã, hoặc khởi kiện vụ án hành chính tại Tòa "
            "án. Đơn ghi rõ ngày tháng, họ tên, địa chỉ của anh; tên, số quyết định bị khiếu "
            "nại; lý do anh cho là không đúng (ví dụ các hộ có hoàn cảnh tương tự được hỗ trợ) "
            "và yêu cầu của anh; kèm bản sao quyết định, giấy tờ liên quan đến diện tích vườn "
            "bị ảnh hưởng. Anh có thể nộp tại bộ phận tiếp công dân của xã hoặc trình bày trực "
            "tiếp để cán bộ ghi lại.\n\n"
            "Nếu không đồng ý với quyết định giải quyết lần đầu hoặc quá thời hạn mà không "
            "được giải quyết, anh có quyền khiếu nại lần hai đến người có thẩm quyền theo quy "
            "định hoặc khởi kiện tại Tòa án. Lưu ý: Luật sửa đổi, bổ sung Luật Tiếp công dân, "
            "Luật Khiếu nại, Luật Tố cáo năm 2025 có hiệu lực từ ngày 01/7/2026, khi đó thủ "
            "tục có thể có điểm mới, cán bộ tiếp công dân sẽ hướng dẫn anh."
        ),
        "citations": [
            {"number": "02/2011/QH13", "article": "9", "detail": ""},
            {"number": "02/2011/QH13", "article": "7", "detail": "khoản 1"},
            {"number": "136/2025/QH15", "article": "", "detail": ""},
        ],
        "status": "published",
        "days_to_answer": 9,
        "asker": {"name": "Hồ Văn Sang", "email": "sang.ho@example.com"},
    },
    {
        "field": "y-te",
        "audiences": ["doanh-nghiep", "tre-em"],
        "asked": (
            "Tôi mở quán tạp hóa kiêm bán nước gần trường THPT. Chiều nào cũng có mấy em học "
            "sinh lớp 10, 11 ghé mua bia lon, có em mua rượu về cho bố. Tôi nghĩ bán cho người "
            "lớn hay học sinh thì cũng là bán, các em tự bỏ tiền mua. Vừa rồi có người nói bán "
            "bia cho học sinh là vi phạm. Xin hỏi có đúng không, và nếu các em nói mua hộ bố "
            "mẹ thì sao?"
        ),
        "title": "Quán tạp hóa bán bia, rượu cho học sinh dưới 18 tuổi có vi phạm pháp luật không?",
        "public_question": (
            "Tôi có quán tạp hóa gần trường trung học phổ thông, thường xuyên có học sinh lớp "
            "10, lớp 11 đến mua bia, có em nói mua rượu giúp bố mẹ. Xin hỏi tôi bán rượu, bia "
            "cho các em có vi phạm pháp luật không?"
        ),
        "answer": (
            "Chào chị, việc bán rượu, bia cho học sinh lớp 10, 11 là vi phạm pháp luật. Học "
            "sinh các lớp này thường từ 15 đến 17 tuổi. Khoản 3 Điều 5 Luật Phòng, chống tác "
            "hại của rượu, bia năm 2019 nghiêm cấm bán, cung cấp, khuyến mại rượu, bia cho "
            "người chưa đủ 18 tuổi; khoản 2 Điều 5 cũng cấm người chưa đủ 18 tuổi uống rượu, "
            "bia. Với các em dưới 16 tuổi, khoản 9 Điều 6 Luật Trẻ em năm 2016 còn nghiêm cấm "
            "bán cho trẻ em hoặc cho trẻ em sử dụng rượu, bia, thuốc lá.\n\n"
            "Việc các em tự bỏ tiền mua hay nói là mua hộ bố mẹ không làm thay đổi quy định: "
            "chị vẫn là người bán cho người chưa đủ 18 tuổi. Nếu cha mẹ cần mua rượu, bia thì "
            "cha mẹ tự đến mua. Cơ sở bán rượu, bia cho người chưa đủ 18 tuổi có thể bị xử "
            "phạt vi phạm hành chính.\n\n"
            "Để tránh vi phạm, chị nên treo biển “Không bán rượu, bia cho người dưới 18 tuổi” "
            "ở nơi dễ thấy; khi người mua trông còn nhỏ tuổi, mặc đồng phục học sinh thì hỏi "
            "tuổi, đề nghị xuất trình giấy tờ, nếu không chắc chắn thì từ chối bán một cách "
            "nhẹ nhàng. Chị cũng lưu ý luật cấm bán rượu, bia bằng máy bán hàng tự động.\n\n"
            "Quán gần trường, chị có thể phối hợp với nhà trường, báo cho thầy cô khi thấy các "
            "em tụ tập uống bia để cùng nhắc nhở. Việc này vừa giúp chị kinh doanh đúng luật, "
            "vừa góp phần bảo vệ sức khỏe các em."
        ),
        "citations": [
            {"number": "44/2019/QH14", "article": "5", "detail": "khoản 2, khoản 3, khoản 11"},
            {"number": "102/2016/QH13", "article": "6", "detail": "khoản 9"},
        ],
        "status": "published",
        "days_to_answer": 3,
        "asker": {"name": "Đặng Thị Ngọc", "email": "ngoc.dang@example.com"},
    },
    {
        "field": "phong-chong-tham-nhung",
        "audiences": ["nguoi-dan", "nong-dan"],
        "asked": (
            "Tôi nộp hồ sơ xin cấp giấy chứng nhận quyền sử dụng đất đã hơn 2 tháng. Lên hỏi "
            "thì một cán bộ nói hồ sơ còn thiếu cái này cái kia, nhưng nếu gửi 2 triệu “tiền "
            "cà phê” thì anh ấy lo cho nhanh. Tôi không muốn đưa nhưng sợ không đưa thì hồ sơ "
            "nằm mãi. Xin hỏi việc cán bộ đòi tiền như vậy có đúng không, tôi nên làm gì, tố "
            "cáo thì có bị lộ tên không?"
        ),
        "title": "Cán bộ gợi ý đưa “tiền cà phê” để làm nhanh hồ sơ đất thì người dân nên làm gì?",
        "public_question": (
            "Tôi nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất đã lâu, một cán bộ "
            "gợi ý nếu đưa tiền “cà phê” thì hồ sơ sẽ được giải quyết nhanh. Xin hỏi hành vi "
            "này có vi phạm pháp luật không, tôi nên làm gì và nếu tố cáo thì có được giữ bí "
            "mật không?"
        ),
        "answer": (
            "Chào anh, việc người có chức vụ, quyền hạn gây khó khăn, gợi ý người dân đưa tiền "
            "để giải quyết công việc thuộc trách nhiệm của mình là hành vi trái pháp luật. "
            "Điểm k khoản 1 Điều 2 Luật Phòng, chống tham nhũng năm 2018 xác định “nhũng nhiễu "
            "vì vụ lợi” là một hành vi tham nhũng; nếu cán bộ nhận tiền thì còn có thể bị xử "
            "lý về tội nhận hối lộ. Người đưa tiền cũng có thể bị xử lý về hành vi đưa hối lộ, "
            "vì vậy anh không nên đưa.\n\n"
            "Trước hết, anh đề nghị cán bộ tiếp nhận cho biết cụ thể hồ sơ thiếu giấy tờ gì, "
            "ghi vào phiếu hướng dẫn hoặc phiếu hẹn trả kết quả. Hồ sơ đất đai có thời hạn "
            "giải quyết theo quy định; quá hạn mà không có văn bản trả lời là vi phạm. Anh có "
            "thể phản ánh qua đường dây nóng hoặc hòm thư góp ý của Ủy ban nhân dân xã, hoặc "
            "trên Cổng Dịch vụ công.\n\n"
            "Anh có quyền tố cáo hành vi đòi tiền với người đứng đầu cơ quan quản lý cán bộ đó "
            "(như Chủ tịch Ủy ban nhân dân xã), với Thanh tra tỉnh hoặc cơ quan Công an. Nên "
            "ghi lại thời gian, địa điểm, nội dung trao đổi và những ai chứng kiến. Theo điểm "
            "b khoản 1 Điều 9 Luật Tố cáo năm 2018, người tố cáo được bảo đảm bí mật họ tên, "
            "địa chỉ, bút tích và thông tin cá nhân khác; anh cũng có quyền đề nghị áp dụng "
            "biện pháp bảo vệ nếu bị trù dập. Người tố cáo phải trình bày trung thực và chịu "
            "trách nhiệm về nội dung mình tố cáo."
        ),
        "citations": [
            {"number": "36/2018/QH14", "article": "2", "detail": "điểm k khoản 1"},
            {"number": "25/2018/QH14", "article": "9", "detail": "điểm b khoản 1"},
        ],
        "status": "published",
        "days_to_answer": 4,
        "asker": None,
    },
    {
        "field": "dan-toc",
        "audiences": ["dong-bao-dan-toc-thieu-so", "hoc-sinh-sinh-vien"],
        "asked": (
            "Các con tôi đi học chỉ học tiếng Việt, về nhà nói tiếng Jrai nhưng không biết "
            "đọc, viết chữ Jrai. Tôi muốn các con giữ được tiếng nói, chữ viết của dân tộc "
            "mình. Xin hỏi nhà nước có cho dạy tiếng Jrai trong trường không? Muốn trường mở "
            "lớp thì phụ huynh phải làm gì? Tôi là Rơ Châm Yuh, ở làng Ia Ring."
        ),
        "title": (
            "Học sinh người Jrai có được học tiếng nói, chữ viết của dân tộc mình ở trường không?"
        ),
        "public_question": (
            "Con tôi là người dân tộc Jrai, ở trường chỉ học tiếng Việt nên không biết đọc, "
            "viết chữ Jrai. Xin hỏi Nhà nước có cho phép dạy tiếng dân tộc thiểu số trong "
            "trường học không và phụ huynh muốn trường tổ chức lớp học thì làm thế nào?"
        ),
        "answer": (
            "Chào anh, mong muốn giữ gìn tiếng nói, chữ viết của dân tộc mình là chính đáng và "
            "được pháp luật bảo đảm. Theo khoản 1 Điều 11 Luật Giáo dục năm 2019, tiếng Việt "
            "là ngôn ngữ chính thức dùng trong cơ sở giáo dục; đồng thời khoản 2 Điều 11 quy "
            "định Nhà nước khuyến khích, tạo điều kiện để người dân tộc thiểu số được học "
            "tiếng nói, chữ viết của dân tộc mình theo quy định của Chính phủ.\n\n"
            "Như vậy, các con anh vừa học tiếng Việt để học các môn khác và giao tiếp rộng "
            "rãi, vừa có thể học tiếng Jrai như một môn học. Việc dạy tiếng dân tộc thiểu số "
            "trong trường phổ thông được tổ chức khi có chương trình, sách giáo khoa, giáo "
            "viên và nhu cầu của học sinh, phụ huynh; Gia Lai là một trong những địa phương đã "
            "tổ chức dạy tiếng Jrai, tiếng Bahnar ở một số trường.\n\n"
            "Anh có thể cùng các phụ huynh khác trong làng làm đơn hoặc đề nghị qua ban đại "
            "diện cha mẹ học sinh gửi hiệu trưởng nhà trường, nói rõ số học sinh có nguyện "
            "vọng học tiếng Jrai. Nhà trường sẽ báo cáo cơ quan quản lý giáo dục để xem xét bố "
            "trí giáo viên, tài liệu. Ở nhà, gia đình nên tiếp tục nói tiếng Jrai với các con, "
            "kể các bài khan, dạy dân ca, và có thể nhờ người biết chữ trong làng, trong nhà "
            "thờ hoặc nhà rông dạy thêm vào dịp hè.\n\n"
            "Giữ gìn tiếng mẹ đẻ không làm các con học tiếng Việt kém đi; biết cả hai ngôn ngữ "
            "còn giúp các con tự tin và có thêm cơ hội sau này."
        ),
        "citations": [
            {"number": "43/2019/QH14", "article": "11", "detail": "khoản 1, khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 8,
        "asker": {"name": "Rơ Châm Yuh", "email": "rochamyuh@example.com"},
    },
    {
        "field": "thuong-mai",
        "audiences": ["nong-dan"],
        "asked": (
            "Tháng trước có xe tải về làng bán phân bón giá rẻ hơn đại lý gần 30%, nói là phân "
            "nhập khẩu. Tôi mua 20 bao bón cho 1 ha cà phê, giờ cây vàng lá, không thấy tốt "
            "lên. Bao phân chữ nước ngoài, không có tên công ty ở Việt Nam. Người bán có để "
            "lại số điện thoại nhưng giờ gọi không được. Tôi nghi là phân giả. Tôi phải làm gì "
            "để được đền và để người khác không bị lừa?"
        ),
        "title": "Mua phải phân bón nghi là giả của người bán rong thì nông dân cần làm gì?",
        "public_question": (
            "Tôi mua phân bón của người bán lưu động với giá rẻ, bao bì ghi toàn chữ nước "
            "ngoài, không có thông tin đơn vị chịu trách nhiệm tại Việt Nam; sau khi bón, cây "
            "không phát triển. Xin hỏi tôi cần làm gì để được bồi thường và ngăn chặn việc bán "
            "phân giả?"
        ),
        "answer": (
            "Chào anh, theo khoản 4 Điều 9 Luật Trồng trọt năm 2018, nghiêm cấm sản xuất, buôn "
            "bán phân bón giả, hết hạn sử dụng, không rõ nguồn gốc. Khoản 3 Điều 9 cũng cấm "
            "buôn bán phân bón khi chưa được cấp giấy chứng nhận đủ điều kiện. Bao phân chỉ có "
            "chữ nước ngoài, không có tên tổ chức chịu trách nhiệm tại Việt Nam là dấu hiệu "
            "phân bón không rõ nguồn gốc, nhãn không đúng quy định.\n\n"
            "Theo điểm c khoản 1 Điều 54, người sử dụng phân bón có quyền được bồi thường "
            "thiệt hại theo quy định của pháp luật; điểm e khoản 2 Điều 51 quy định người buôn "
            "bán phân bón có nghĩa vụ bồi thường thiệt hại. Để có căn cứ đòi bồi thường, anh "
            "cần giữ lại các bao phân còn lại, vỏ bao đã dùng, giấy biên nhận hoặc tin nhắn, "
            "số điện thoại, biển số xe của người bán (nếu nhớ), tên những người cùng mua; chụp "
            "ảnh vườn cây bị ảnh hưởng.\n\n"
            "Anh báo ngay cho Ủy ban nhân dân xã, Công an xã và cơ quan quản lý nhà nước về "
            "nông nghiệp hoặc quản lý thị trường của tỉnh để được lấy mẫu kiểm tra và truy tìm "
            "người bán. Nếu xác định đúng là phân bón giả, người bán có thể bị xử phạt nặng "
            "hoặc truy cứu trách nhiệm hình sự tùy giá trị hàng hóa và hậu quả; khi đó anh có "
            "thể yêu cầu bồi thường trong vụ việc. Cán bộ khuyến nông có thể hướng dẫn anh "
            "cách cứu vườn cây.\n\n"
            "Lần sau, anh nên mua phân bón ở đại lý có giấy chứng nhận đủ điều kiện buôn bán, "
            "có hóa đơn; kiểm tra nhãn có tên, địa chỉ tổ chức chịu trách nhiệm, mã số phân "
            "bón. Anh cũng nên báo trưởng thôn nhắc bà con cảnh giác với xe bán phân rong giá "
            "rẻ bất thường."
        ),
        "citations": [
            {"number": "31/2018/QH14", "article": "9", "detail": "khoản 3, khoản 4"},
            {"number": "31/2018/QH14", "article": "54", "detail": "điểm c khoản 1"},
            {"number": "31/2018/QH14", "article": "51", "detail": "điểm e khoản 2"},
        ],
        "status": "published",
        "days_to_answer": 7,
        "asker": {"name": "Lương Văn Phúc", "email": "phuc.luong@example.com"},
    },
    {
        "field": "bao-hiem",
        "audiences": ["nguoi-cao-tuoi", "dong-bao-dan-toc-thieu-so"],
        "asked": (
            "Ba tôi năm nay 76 tuổi, người Bahnar, cả đời làm rẫy nên không có lương hưu. "
            "Trước đây nghe nói phải đủ 80 tuổi mới có tiền trợ cấp của nhà nước. Gần đây "
            "trong làng có người nói giờ 75 tuổi là được nhận rồi. Xin hỏi có đúng không, ba "
            "tôi được nhận những gì và phải làm giấy tờ ở đâu?"
        ),
        "title": "Người 76 tuổi không có lương hưu có được nhận trợ cấp hưu trí xã hội không?",
        "public_question": (
            "Cha tôi 76 tuổi, làm nông, không có lương hưu hay trợ cấp bảo hiểm xã hội hằng "
            "tháng. Nghe nói nay người từ 75 tuổi đã được nhận trợ cấp của Nhà nước. Xin hỏi "
            "điều này có đúng không, được hưởng những gì và làm thủ tục ở đâu?"
        ),
        "answer": (
            "Chào chị, thông tin đó là đúng. Luật Bảo hiểm xã hội năm 2024, có hiệu lực từ "
            "ngày 01/7/2025, đã quy định chế độ trợ cấp hưu trí xã hội. Theo Luật này và Nghị "
            "định số 176/2025/NĐ-CP hướng dẫn, công dân Việt Nam từ đủ 75 tuổi trở lên không "
            "hưởng lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng thì được hưởng trợ cấp "
            "hưu trí xã hội; người thuộc hộ nghèo, hộ cận nghèo thì từ đủ 70 tuổi đến dưới 75 "
            "tuổi đã được hưởng. Trước đây người cao tuổi không thuộc hộ nghèo phải từ đủ 80 "
            "tuổi mới được hưởng trợ cấp xã hội hằng tháng, nay độ tuổi đã được hạ xuống.\n\n"
            "Ba chị 76 tuổi, không có lương hưu nên thuộc diện được hưởng. Người hưởng trợ cấp "
            "hưu trí xã hội được nhận tiền trợ cấp hằng tháng theo mức Chính phủ quy định "
            "(tỉnh có thể hỗ trợ thêm), được Nhà nước đóng bảo hiểm y tế và khi mất thì gia "
            "đình được hỗ trợ chi phí mai táng.\n\n"
            "Chị hoặc ba chị làm văn bản đề nghị hưởng trợ cấp (theo mẫu) nộp tại Ủy ban nhân "
            "dân xã nơi ba chị cư trú, mang theo căn cước của ba. Cán bộ xã sẽ hướng dẫn, xem "
            "xét và trình giải quyết theo thời hạn quy định. Nếu ba chị đang được nhận trợ cấp "
            "xã hội hằng tháng theo chế độ cũ thì nên hỏi cán bộ xã về việc chuyển sang chế độ "
            "mới để không bị gián đoạn. Tiền trợ cấp có thể nhận qua tài khoản ngân hàng hoặc "
            "nhận trực tiếp theo hướng dẫn của xã."
        ),
        "citations": [
            {"number": "41/2024/QH15", "article": "", "detail": ""},
            {"number": "176/2025/NĐ-CP", "article": "", "detail": ""},
        ],
        "status": "published",
        "days_to_answer": 4,
        "asker": {"name": "Đinh Thị Hyên", "email": "hyen.dinh@example.com"},
    },
    {
        "field": "tin-nguong-ton-giao",
        "audiences": ["dong-bao-dan-toc-thieu-so"],
        "asked": (
            "Làng tôi có khoảng 20 người theo đạo Tin Lành, chủ nhật thường tập trung ở nhà "
            "tôi để đọc kinh, hát thánh ca. Nhà thờ ở xa, đi lại khó khăn nhất là mùa mưa. Có "
            "người nói tụ tập sinh hoạt tôn giáo ở nhà như vậy là trái phép. Xin hỏi chúng tôi "
            "có được sinh hoạt tại nhà không, muốn hợp pháp thì phải đăng ký với ai? Tôi là A "
            "Thuận, làng Kon Sơ Lăl."
        ),
        "title": (
            "Nhóm tín đồ trong làng muốn sinh hoạt tôn giáo tập trung tại nhà riêng thì đăng "
            "ký thế nào?"
        ),
        "public_question": (
            "Khoảng 20 tín đồ trong làng muốn sinh hoạt tôn giáo tập trung vào ngày chủ nhật "
            "tại nhà một tín đồ vì nơi thờ tự ở xa. Xin hỏi việc này có được phép không và cần "
            "đăng ký với cơ quan nào?"
        ),
        "answer": (
            "Chào anh, theo khoản 1 và khoản 2 Điều 6 Luật Tín ngưỡng, tôn giáo năm 2016, mọi "
            "người có quyền tự do tín ngưỡng, tôn giáo, theo hoặc không theo một tôn giáo nào; "
            "có quyền bày tỏ niềm tin, thực hành lễ nghi, học tập và thực hành giáo lý tôn "
            "giáo. Nhà nước tôn trọng và bảo hộ quyền này.\n\n"
            "Khi nhiều tín đồ thường xuyên tập trung sinh hoạt tôn giáo tại một địa điểm, pháp "
            "luật yêu cầu đăng ký sinh hoạt tôn giáo tập trung. Theo khoản 1 Điều 16, nếu nhóm "
            "anh thuộc một tổ chức tôn giáo đã được công nhận (ví dụ một hội thánh Tin Lành đã "
            "được Nhà nước công nhận) thì tổ chức tôn giáo đó đứng ra đăng ký cho tín đồ tại "
            "nơi chưa đủ điều kiện thành lập chi hội. Điều kiện gồm: có địa điểm hợp pháp để "
            "sinh hoạt (nhà của anh, có giấy tờ chứng minh và anh đồng ý cho sử dụng); nhóm có "
            "người đại diện là công dân Việt Nam thường trú, có năng lực hành vi dân sự đầy "
            "đủ, không có án tích; nội dung sinh hoạt không vi phạm các điều cấm của Luật.\n\n"
            "Theo Điều 17, hồ sơ được gửi đến Ủy ban nhân dân xã nơi có địa điểm sinh hoạt, "
            "gồm văn bản đăng ký (tên tổ chức, tên tôn giáo, người đại diện, nội dung, địa "
            "điểm, thời gian, số người tham gia), giấy tờ về địa điểm hợp pháp và sơ yếu lý "
            "lịch người đại diện. Ủy ban nhân dân xã phải trả lời bằng văn bản trong thời hạn "
            "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; nếu từ chối phải nêu rõ lý do.\n\n"
            "Anh nên liên hệ với mục sư hoặc ban trị sự của hội thánh mà nhóm mình sinh hoạt "
            "để được hướng dẫn lập hồ sơ, đồng thời có thể hỏi công chức phụ trách công tác "
            "tôn giáo của xã."
        ),
        "citations": [
            {"number": "02/2016/QH14", "article": "6", "detail": "khoản 1, khoản 2"},
            {"number": "02/2016/QH14", "article": "16", "detail": "khoản 1"},
            {"number": "02/2016/QH14", "article": "17", "detail": ""},
        ],
        "status": "answered",
        "days_to_answer": 12,
        "asker": {"name": "A Thuận", "email": "athuan@example.com"},
    },
    {
        "field": "quoc-phong",
        "audiences": ["hoc-sinh-sinh-vien"],
        "asked": (
            "Em năm nay 19 tuổi, đang học năm nhất đại học chính quy ở Quy Nhơn, hộ khẩu ở xã "
            "Đak Pơ. Mẹ em nói xã vừa gọi em về khám sức khỏe nghĩa vụ quân sự. Em đang đi học "
            "thì có được hoãn không, phải làm giấy tờ gì? Nếu học xong mới đi thì đến bao "
            "nhiêu tuổi vẫn bị gọi ạ?"
        ),
        "title": (
            "Sinh viên đại học chính quy có được tạm hoãn gọi nhập ngũ không, thủ tục thế nào?"
        ),
        "public_question": (
            "Tôi 19 tuổi, đang là sinh viên năm thứ nhất hệ chính quy, được địa phương gọi "
            "khám sức khỏe nghĩa vụ quân sự. Xin hỏi tôi có được tạm hoãn không, cần làm giấy "
            "tờ gì và sau khi học xong thì đến bao nhiêu tuổi vẫn có thể được gọi nhập ngũ?"
        ),
        "answer": (
            "Chào bạn, theo Điều 30 Luật Nghĩa vụ quân sự năm 2015, công dân đủ 18 tuổi được "
            "gọi nhập ngũ; độ tuổi gọi nhập ngũ từ đủ 18 tuổi đến hết 25 tuổi; riêng công dân "
            "được đào tạo trình độ cao đẳng, đại học đã được tạm hoãn gọi nhập ngũ thì độ tuổi "
            "gọi nhập ngũ đến hết 27 tuổi.\n\n"
            "Theo điểm g khoản 1 Điều 41 của Luật này, công dân đang được đào tạo trình độ đại "
            "học hệ chính quy thuộc cơ sở giáo dục đại học trong thời gian một khóa đào tạo "
            "của một trình độ đào tạo thì được tạm hoãn gọi nhập ngũ. Bạn đang học năm nhất "
            "đại học chính quy nên thuộc diện được tạm hoãn.\n\n"
            "Bạn liên hệ phòng công tác sinh viên của trường để xin giấy xác nhận đang học "
            "(ghi rõ hệ đào tạo, khóa học, thời gian đào tạo), rồi gửi về Ban Chỉ huy quân sự "
            "xã nơi bạn đăng ký nghĩa vụ quân sự, qua gia đình hoặc theo hướng dẫn của xã, "
            "trước thời hạn xã yêu cầu. Bạn vẫn cần thực hiện việc đăng ký nghĩa vụ quân sự và "
            "các yêu cầu khác của địa phương; việc tạm hoãn chỉ có hiệu lực trong thời gian "
            "khóa học. Danh sách công dân được tạm hoãn sẽ được niêm yết công khai tại trụ sở "
            "Ủy ban nhân dân xã.\n\n"
            "Sau khi tốt nghiệp, nếu chưa quá 27 tuổi, bạn có thể được gọi nhập ngũ. Trường "
            "hợp học lại, kéo dài ngoài thời gian một khóa đào tạo thì có thể không còn được "
            "tạm hoãn, bạn nên chú ý kế hoạch học tập."
        ),
        "citations": [
            {"number": "78/2015/QH13", "article": "30", "detail": ""},
            {"number": "78/2015/QH13", "article": "41", "detail": "điểm g khoản 1"},
        ],
        "status": "answered",
        "days_to_answer": 5,
        "asker": {"name": "Nguyễn Hữu Phước", "email": "phuoc.nguyen@example.com"},
    },
    {
        "field": "nong-nghiep",
        "audiences": ["nong-dan", "nguoi-dan"],
        "asked": (
            "Nhà hàng xóm sát vách nuôi khoảng 20 con heo, chuồng cách cửa sổ phòng ngủ nhà "
            "tôi chưa đến 5 mét. Nước thải chuồng heo cho chảy ra rãnh trước ngõ, mùa nắng bốc "
            "mùi, ruồi nhặng nhiều, con tôi hay bị đau bụng. Tôi góp ý mấy lần họ không sửa. "
            "Xin hỏi chăn nuôi như vậy có vi phạm quy định không, tôi có thể báo ai?"
        ),
        "title": "Hàng xóm nuôi heo sát nhà, xả nước thải gây mùi hôi thì có vi phạm không?",
        "public_question": (
            "Hộ gia đình bên cạnh nuôi khoảng 20 con heo, chuồng sát nhà tôi, nước thải chảy "
            "ra rãnh chung gây mùi hôi và ruồi nhặng. Tôi đã góp ý nhưng không được khắc phục. "
            "Xin hỏi việc chăn nuôi này có vi phạm quy định không và tôi có thể đề nghị cơ "
            "quan nào giải quyết?"
        ),
        "answer": (
            "Chào chị, chăn nuôi quy mô hộ gia đình được pháp luật cho phép nhưng phải bảo đảm "
            "vệ sinh môi trường và không ảnh hưởng đến người xung quanh. Theo Điều 56 Luật "
            "Chăn nuôi năm 2018, chăn nuôi nông hộ phải có chuồng nuôi tách biệt với nơi ở của "
            "người; định kỳ vệ sinh, khử trùng chuồng trại; thu gom, xử lý phân, nước thải và "
            "chất thải chăn nuôi theo quy định. Khoản 1 Điều 60 của Luật này yêu cầu chủ chăn "
            "nuôi nông hộ có biện pháp xử lý phân, nước thải, khí thải bảo đảm vệ sinh môi "
            "trường và không gây ảnh hưởng đến người xung quanh.\n\n"
            "Khoản 2 Điều 60 Luật Bảo vệ môi trường năm 2020 cũng quy định chuồng trại chăn "
            "nuôi quy mô hộ gia đình phải bảo đảm vệ sinh, không gây ô nhiễm tiếng ồn, phát "
            "tán mùi khó chịu; chất thải phải được thu gom, xử lý. Việc để nước thải chuồng "
            "heo chảy ra rãnh chung, gây mùi và ruồi nhặng là không đúng các quy định này.\n\n"
            "Chị có thể đề nghị tổ hòa giải ở thôn giúp hai nhà trao đổi, ví dụ gia đình kia "
            "làm hầm biogas hoặc hố xử lý, dùng đệm lót sinh học, che chắn, di chuyển chuồng "
            "ra xa. Nếu không có kết quả, chị gửi đơn phản ánh đến Ủy ban nhân dân xã; xã sẽ "
            "kiểm tra, yêu cầu khắc phục và xử phạt vi phạm hành chính nếu có vi phạm. Khi con "
            "chị có biểu hiện bệnh, chị nên đưa cháu đi khám và giữ lại hồ sơ khám bệnh, ảnh "
            "chụp hiện trường để làm căn cứ nếu cần yêu cầu bồi thường."
        ),
        "citations": [
            {"number": "32/2018/QH14", "article": "56", "detail": ""},
            {"number": "32/2018/QH14", "article": "60", "detail": "khoản 1"},
            {"number": "72/2020/QH14", "article": "60", "detail": "khoản 2"},
        ],
        "status": "answered",
        "days_to_answer": 10,
        "asker": {"name": "Lý Thị Kim", "email": "kim.ly@example.com"},
    },
    {
        "field": "van-hoa-xa-hoi",
        "audiences": ["nguoi-cao-tuoi"],
        "asked": (
            "Tôi năm nay 78 tuổi, chồng mất đã lâu, có 3 người con trai đều đã lập gia đình ở "
            "cùng xã. Từ khi tôi chia đất cho các con thì không đứa nào chịu nuôi, đẩy qua đẩy "
            "lại, có lúc tôi phải xin ăn hàng xóm. Tôi ốm đau cũng không ai đưa đi viện. Xin "
            "hỏi con cái bỏ mặc cha mẹ già như vậy pháp luật có xử lý không, tôi phải làm sao?"
        ),
        "title": (
            "Con cái không phụng dưỡng cha mẹ già thì người cao tuổi có thể yêu cầu ai can thiệp?"
        ),
        "public_question": (
            "Tôi 78 tuổi, có ba người con trai đã lập gia đình. Sau khi tôi chia đất cho các "
            "con thì không ai chăm sóc, nuôi dưỡng tôi, kể cả khi ốm đau. Xin hỏi pháp luật "
            "quy định thế nào về nghĩa vụ của con đối với cha mẹ già và tôi cần làm gì?"
        ),
        "answer": (
            "Kính thưa bà, pháp luật quy định rõ trách nhiệm của con cái đối với cha mẹ. Theo "
            "khoản 2 Điều 71 Luật Hôn nhân và gia đình năm 2014, con có nghĩa vụ và quyền chăm "
            "sóc, nuôi dưỡng cha mẹ, đặc biệt khi cha mẹ ốm đau, già yếu; gia đình có nhiều "
            "con thì các con phải cùng nhau chăm sóc, nuôi dưỡng cha mẹ.\n\n"
            "Luật Người cao tuổi năm 2009 cũng quy định tại khoản 2 và khoản 3 Điều 10: con, "
            "cháu là người có nghĩa vụ phụng dưỡng người cao tuổi, phải sắp xếp nơi ở phù hợp, "
            "chu cấp về kinh tế, thanh toán chi phí điều trị khi người cao tuổi ốm đau. Khoản "
            "3 Điều 9 của Luật này nghiêm cấm hành vi không thực hiện nghĩa vụ phụng dưỡng "
            "người cao tuổi. Việc các con đẩy qua đẩy lại, để bà phải xin ăn là vi phạm các "
            "quy định trên, có thể bị xử phạt vi phạm hành chính; nếu ngược đãi, bỏ mặc gây "
            "hậu quả nghiêm trọng thì còn có thể bị xử lý hình sự.\n\n"
            "Bà có thể nhờ chi hội người cao tuổi, trưởng thôn hoặc tổ hòa giải mời ba người "
            "con đến để thống nhất cách phụng dưỡng, ví dụ luân phiên chăm sóc hoặc mỗi người "
            "góp một khoản tiền hằng tháng, và ghi lại thành biên bản. Bà cũng có thể báo với "
            "Ủy ban nhân dân xã để xã nhắc nhở, xử lý. Nếu các con vẫn không thực hiện, bà có "
            "quyền yêu cầu Tòa án buộc các con cấp dưỡng. Người cao tuổi có khó khăn về tài "
            "chính được trợ giúp pháp lý miễn phí, bà có thể liên hệ Trung tâm Trợ giúp pháp "
            "lý nhà nước tỉnh để được giúp làm đơn."
        ),
        "citations": [
            {"number": "52/2014/QH13", "article": "71", "detail": "khoản 2"},
            {"number": "39/2009/QH12", "article": "10", "detail": "khoản 2, khoản 3"},
            {"number": "39/2009/QH12", "article": "9", "detail": "khoản 3"},
        ],
        "status": "answered",
        "days_to_answer": 9,
        "asker": None,
    },
    {
        "field": "tai-nguyen",
        "audiences": ["dong-bao-dan-toc-thieu-so", "nong-dan"],
        "asked": (
            "Năm ngoái nhà tôi phát khoảng nửa héc-ta rừng le, cây nhỏ ở sát rẫy cũ để trồng "
            "thêm cà phê, vì nghĩ đất đó bỏ không, trước đây ông bà cũng làm rẫy ở đó. Nay "
            "kiểm lâm đến lập biên bản nói là đất rừng do xã quản lý. Tôi muốn hỏi có bị phạt "
            "không, cà phê đã trồng có bị nhổ không, và đất đó có làm sổ được không?"
        ),
        "title": (
            "Phát rừng cạnh rẫy cũ để trồng cà phê có vi phạm không, có được cấp giấy chứng "
            "nhận không?"
        ),
        "public_question": (
            "Gia đình tôi phát khoảng nửa héc-ta rừng cây nhỏ cạnh rẫy cũ để trồng cà phê vì "
            "nghĩ đó là đất bỏ không. Nay kiểm lâm lập biên bản vì đây là đất rừng do xã quản "
            "lý. Xin hỏi tôi có bị xử lý không và diện tích này có được cấp giấy chứng nhận "
            "không?"
        ),
        "answer": (
            "Chào anh, theo khoản 1 Điều 9 Luật Lâm nghiệp năm 2017, nghiêm cấm hành vi chặt, "
            "phá, khai thác, lấn, chiếm rừng trái quy định của pháp luật; khoản 4 Điều 9 cũng "
            "cấm hủy hoại tài nguyên rừng. Rừng le, rừng cây nhỏ vẫn là rừng nếu đã được xác "
            "định trong hồ sơ quản lý rừng, dù trông như đất bỏ không. Việc phát rừng để trồng "
            "cà phê mà không được cơ quan có thẩm quyền cho phép là vi phạm.\n\n"
            "Tùy diện tích, loại rừng và mức độ thiệt hại, người vi phạm có thể bị xử phạt vi "
            "phạm hành chính và buộc khôi phục lại tình trạng ban đầu, như trồng lại rừng; "
            "trường hợp diện tích lớn hoặc đã bị xử phạt mà còn vi phạm thì có thể bị truy cứu "
            "trách nhiệm hình sự. Cây cà phê trồng trên diện tích này có thể bị buộc xử lý "
            "theo quyết định của cơ quan có thẩm quyền.\n\n"
            "Về giấy chứng nhận, việc cấp giấy chứng nhận phụ thuộc vào nguồn gốc, thời điểm "
            "sử dụng đất, quy hoạch và hồ sơ quản lý rừng; diện tích mới lấn, chiếm đất rừng "
            "thường không được công nhận. Anh cần hợp tác với kiểm lâm, trình bày trung thực; "
            "nếu gia đình có giấy tờ hoặc người làm chứng về việc ông bà đã canh tác ở đó từ "
            "trước thì cung cấp để cơ quan có thẩm quyền xem xét.\n\n"
            "Anh có thể hỏi Ủy ban nhân dân xã về các chương trình giao, khoán bảo vệ rừng, "
            "trồng cây lâm nghiệp xen cà phê để vừa có thu nhập hợp pháp vừa giữ rừng. [Bản "
            "nháp: cần đối chiếu thêm Luật Đất đai năm 2024 và quy định xử phạt hiện hành "
            "trước khi trả lời.]"
        ),
        "citations": [
            {"number": "16/2017/QH14", "article": "9", "detail": "khoản 1, khoản 4"},
            {"number": "31/2024/QH15", "article": "", "detail": ""},
        ],
        "status": "assigned",
        "days_to_answer": 14,
        "asker": {"name": "Rơ Lan Kơk", "email": "rolankok@example.com"},
    },
    {
        "field": "doanh-nghiep",
        "audiences": ["can-bo-cong-chuc", "doanh-nghiep"],
        "asked": (
            "Tôi là công chức địa chính - xây dựng của xã. Vợ chồng tôi có ít vốn, muốn mở "
            "công ty nhỏ rang xay cà phê để bán online, tôi định đứng tên giám đốc vì vợ tôi "
            "không rành giấy tờ. Bạn bè nói công chức không được làm giám đốc công ty. Vậy tôi "
            "có được thành lập công ty không? Nếu để vợ đứng tên thì có được không?"
        ),
        "title": "Công chức cấp xã có được thành lập, làm giám đốc công ty rang xay cà phê không?",
        "public_question": (
            "Tôi là công chức cấp xã, muốn cùng vợ mở công ty nhỏ rang xay cà phê và đứng tên "
            "giám đốc. Xin hỏi công chức có được thành lập, quản lý doanh nghiệp không và nếu "
            "vợ tôi đứng tên thì có được không?"
        ),
        "answer": (
            "Chào anh, theo điểm b khoản 2 Điều 17 Luật Doanh nghiệp năm 2020, cán bộ, công "
            "chức, viên chức theo quy định của Luật Cán bộ, công chức và Luật Viên chức không "
            "có quyền thành lập và quản lý doanh nghiệp tại Việt Nam. Vì vậy anh không được "
            "đứng tên thành lập công ty và cũng không được giữ chức giám đốc hay các chức danh "
            "quản lý khác của công ty.\n\n"
            "Vợ anh không phải là công chức thì có quyền thành lập và quản lý doanh nghiệp "
            "theo khoản 1 Điều 17. Chị ấy có thể đứng tên chủ sở hữu và làm giám đốc công ty; "
            "nếu chưa rành thủ tục, chị có thể nhờ cán bộ tại cơ quan đăng ký kinh doanh hướng "
            "dẫn hoặc nộp hồ sơ trực tuyến trên Cổng thông tin quốc gia về đăng ký doanh "
            "nghiệp. Với quy mô nhỏ, gia đình cũng có thể cân nhắc đăng ký hộ kinh doanh do vợ "
            "anh đứng tên, thủ tục đơn giản hơn.\n\n"
            "Anh cần lưu ý: anh không được trực tiếp điều hành, quản lý công việc kinh doanh "
            "của công ty; việc anh có được góp vốn hay không và các hạn chế liên quan đến lĩnh "
            "vực anh đang quản lý cần đối chiếu thêm với Luật Cán bộ, công chức và Luật Phòng, "
            "chống tham nhũng. Anh cũng không được lợi dụng vị trí công tác để tạo thuận lợi "
            "cho việc kinh doanh của gia đình.\n\n"
            "[Bản nháp: cần kiểm tra quy định về góp vốn của công chức theo Luật Cán bộ, công "
            "chức mới trước khi duyệt.]"
        ),
        "citations": [
            {"number": "59/2020/QH14", "article": "17", "detail": "điểm b khoản 2"},
        ],
        "status": "assigned",
        "days_to_answer": 11,
        "asker": {"name": "Mai Xuân Trường", "email": "truong.mai@example.com"},
    },
    {
        "field": "thue",
        "audiences": ["nong-dan"],
        "asked": (
            "Nhà tôi trồng 3 ha cà phê, thu hoạch xong phơi khô, xay ra cà phê nhân bán cho "
            "đại lý. Năm nay tôi để lại một ít tự rang xay, đóng gói bán cho khách quen qua "
            "Facebook, Zalo. Xin hỏi bán cà phê nhân nhà trồng có phải đóng thuế không? Còn "
            "bán cà phê bột qua mạng thì có phải đăng ký kinh doanh, đóng thuế không?"
        ),
        "title": (
            "Nông dân bán cà phê nhân tự trồng và bán cà phê bột qua mạng có phải nộp thuế không?"
        ),
        "public_question": (
            "Gia đình tôi tự trồng cà phê, phơi khô và xay thành cà phê nhân để bán cho đại "
            "lý; một phần được rang xay, đóng gói bán qua mạng xã hội. Xin hỏi việc bán cà phê "
            "nhân có phải nộp thuế không và bán cà phê bột qua mạng thì có phải đăng ký kinh "
            "doanh, nộp thuế không?"
        ),
        "answer": (
            "Chào anh, cần tách riêng hai hoạt động.\n\n"
            "Thứ nhất, bán cà phê nhân do gia đình tự trồng. Theo Luật Thuế giá trị gia tăng "
            "năm 2024, sản phẩm trồng trọt chưa chế biến thành sản phẩm khác hoặc chỉ qua sơ "
            "chế thông thường do cá nhân, hộ gia đình tự sản xuất bán ra thuộc đối tượng không "
            "chịu thuế giá trị gia tăng. Phơi khô, xát vỏ thành cà phê nhân là sơ chế thông "
            "thường. Thu nhập từ trực tiếp sản xuất nông nghiệp của hộ nông dân cũng được miễn "
            "thuế thu nhập cá nhân theo quy định. Anh không phải đăng ký kinh doanh cho việc "
            "bán sản phẩm nhà mình trồng.\n\n"
            "Thứ hai, rang xay, đóng gói cà phê bột bán qua mạng là hoạt động chế biến và kinh "
            "doanh thường xuyên. Khi bán đều đặn, anh nên đăng ký hộ kinh doanh theo hướng dẫn "
            "của Ủy ban nhân dân xã và thực hiện nghĩa vụ thuế theo doanh thu; nếu doanh thu "
            "trong năm không vượt ngưỡng theo quy định thì không phải nộp thuế giá trị gia "
            "tăng và thuế thu nhập cá nhân, nhưng vẫn phải khai báo với cơ quan thuế. Sản phẩm "
            "thực phẩm đóng gói cần ghi nhãn, bảo đảm an toàn thực phẩm.\n\n"
            "[Bản nháp: cần cập nhật ngưỡng doanh thu chịu thuế và thủ tục đăng ký hộ kinh "
            "doanh theo văn bản mới nhất trước khi trả lời; đề nghị anh liên hệ cơ quan thuế "
            "cơ sở để được hướng dẫn cụ thể.]"
        ),
        "citations": [
            {"number": "48/2024/QH15", "article": "", "detail": ""},
        ],
        "status": "assigned",
        "days_to_answer": 15,
        "asker": {"name": "Phan Văn Đức", "email": "duc.phan@example.com"},
    },
    {
        "field": "hon-nhan-va-gia-dinh",
        "audiences": ["dong-bao-dan-toc-thieu-so", "nguoi-dan"],
        "asked": (
            "Cho tôi hỏi, cháu trai tôi 17 tuổi, bạn gái nó 16 tuổi, hai đứa đã có thai nên "
            "hai bên gia đình muốn cho cưới luôn cuối năm nay. Làm đám cưới trước rồi đợi đủ "
            "tuổi mới lên xã đăng ký thì có được không? Có bị phạt gì không? Tôi ở làng Plei "
            "Bông, xã Ia Băng."
        ),
        "title": "Cháu 17 tuổi và bạn gái 16 tuổi cưới trước rồi mới đăng ký kết hôn được không?",
        "public_question": (
            "Cháu trai tôi 17 tuổi và bạn gái 16 tuổi đã có thai, hai gia đình muốn tổ chức "
            "cưới trước, đợi đủ tuổi mới đăng ký kết hôn. Xin hỏi như vậy có được không và có "
            "bị xử lý gì không?"
        ),
        "answer": "",
        "citations": [],
        "status": "received",
        "days_to_answer": 2,
        "asker": {"name": "Kpuih Thơ", "email": "kpuihtho@example.com"},
        "duplicate_of_title": (
            "Con gái 16 tuổi có được tổ chức cưới rồi đủ tuổi mới đăng ký kết hôn không?"
        ),
    },
    {
        "field": "dan-su",
        "audiences": ["nguoi-dan"],
        "asked": (
            "Tôi vay của một người trong thôn 20 triệu, mỗi ngày trả lãi 10 nghìn, đã trả được "
            "5 tháng. Giờ tôi thấy lãi cao quá muốn trả gốc luôn mà người ta không chịu, nói "
            "phải trả đủ lãi 1 năm. Cho hỏi lãi như vậy có đúng luật không?"
        ),
        "title": (
            "Vay 20 triệu đồng mỗi ngày trả lãi 10 nghìn đồng có vượt mức lãi suất cho phép không?"
        ),
        "public_question": (
            "Tôi vay 20 triệu đồng của người quen, mỗi ngày trả lãi 10.000 đồng. Nay tôi muốn "
            "trả gốc trước hạn nhưng người cho vay yêu cầu trả đủ lãi một năm. Xin hỏi mức lãi "
            "này có đúng pháp luật không?"
        ),
        "answer": "",
        "citations": [],
        "status": "received",
        "days_to_answer": 1,
        "asker": None,
        "duplicate_of_title": "Vay tiền hàng xóm với lãi 3%/tháng có đúng luật không?",
    },
    {
        "field": "bo-may-hanh-chinh",
        "audiences": ["nguoi-dan", "nguoi-cao-tuoi"],
        "asked": (
            "Sau khi bỏ cấp huyện và nhập xã, địa chỉ trên căn cước, sổ đỏ, giấy khai sinh của "
            "gia đình tôi vẫn ghi tên huyện cũ, xã cũ. Tôi có phải đi làm lại hết các giấy tờ "
            "đó không? Có mất tiền không? Bây giờ muốn làm giấy tờ đất thì lên đâu, vì trụ sở "
            "huyện cũ đóng cửa rồi?"
        ),
        "title": (
            "Giấy tờ còn ghi tên huyện, xã cũ sau khi sắp xếp đơn vị hành chính có phải làm "
            "lại không?"
        ),
        "public_question": (
            "Sau khi sắp xếp đơn vị hành chính, căn cước, giấy chứng nhận quyền sử dụng đất, "
            "giấy khai sinh của gia đình tôi vẫn ghi địa danh huyện, xã cũ. Xin hỏi có bắt "
            "buộc phải làm lại các giấy tờ này không và nay làm thủ tục đất đai ở đâu?"
        ),
        "answer": "",
        "citations": [],
        "status": "received",
        "days_to_answer": 1,
        "asker": {"name": "Cao Thị Liên", "email": "lien.cao@example.com"},
    },
    {
        "field": "dat-dai",
        "audiences": ["nguoi-dan"],
        "asked": (
            "Vụ tranh chấp đất giữa tôi với người cháu đã xử sơ thẩm, tôi thua, giờ đang chờ "
            "tòa tỉnh xử phúc thẩm tháng sau. Nhờ Sở Tư pháp xem giúp bản án sơ thẩm xử như "
            "vậy đúng hay sai, viết giúp tôi bản trình bày gửi tòa, và cho biết lần này tòa sẽ "
            "xử ai thắng. Tôi gửi kèm ảnh bản án."
        ),
        "title": "Bản án sơ thẩm vụ tranh chấp đất xử đúng hay sai và phúc thẩm bên nào sẽ thắng?",
        "public_question": (
            "Vụ tranh chấp đất của tôi đã được xét xử sơ thẩm và đang chờ xét xử phúc thẩm. "
            "Tôi đề nghị nhận xét bản án sơ thẩm, viết giúp bản trình bày gửi Tòa án và dự "
            "đoán kết quả phúc thẩm."
        ),
        "answer": "",
        "citations": [],
        "status": "declined",
        "days_to_answer": 2,
        "asker": {"name": "Trần Văn Lộc", "email": "loc.tran@example.com"},
        "decline_reason": (
            "Vụ việc đang được Tòa án thụ lý, giải quyết theo thủ tục phúc thẩm; chuyên mục "
            "hỏi đáp không nhận xét bản án, không dự đoán kết quả xét xử và không soạn văn bản "
            "tố tụng cho một bên. Đã hướng dẫn người hỏi liên hệ Trung tâm Trợ giúp pháp lý "
            "nhà nước tỉnh (nếu thuộc diện được trợ giúp) hoặc luật sư để được hỗ trợ tham gia "
            "tố tụng."
        ),
    },
    {
        "field": "nong-nghiep",
        "audiences": ["nong-dan"],
        "asked": (
            "Cho hỏi năm nay nên trồng xen sầu riêng vào vườn cà phê hay chuyển hẳn sang sầu "
            "riêng? Giá sầu riêng năm sau có giữ được như năm nay không, giống nào bán được "
            "giá nhất? Vườn tôi 2 ha, đất đỏ bazan."
        ),
        "title": "Nên trồng xen sầu riêng vào vườn cà phê hay chuyển hẳn sang sầu riêng?",
        "public_question": (
            "Tôi muốn hỏi nên trồng xen sầu riêng vào vườn cà phê hay chuyển đổi hẳn, giá sầu "
            "riêng năm sau thế nào và giống nào cho giá cao."
        ),
        "answer": "",
        "citations": [],
        "status": "declined",
        "days_to_answer": 1,
        "asker": None,
        "decline_reason": (
            "Không phải câu hỏi về pháp luật: nội dung hỏi về kỹ thuật canh tác, chọn giống và "
            "giá thị trường. Đã hướng dẫn người hỏi liên hệ cơ quan khuyến nông của tỉnh hoặc "
            "cán bộ nông nghiệp của Ủy ban nhân dân xã để được tư vấn."
        ),
    },
]
