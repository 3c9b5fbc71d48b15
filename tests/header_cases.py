"""Synthetic notice headers and signature blocks in the shapes real saved pages take.

Every place, number and sentence is invented (澜川省, 青梧市, 桐溪县 …); the layouts (page furniture,
information boxes, damage, signature blocks) follow /work/notes/shapes/report.md. Each case is
(name, text, expected): expected holds the header fields a reader would write down; a key that is
absent is not scored. Shared by tests/test_header_shapes.py and benchmarks/header_eval.py.
"""

BODY = "现将有关事项通知如下。\n一、加强组织领导。各单位要明确责任分工。\n"

HEADERS = [
    # H1: breadcrumb over two lines, bullet byline, 文号 alone with a trailing space, title wrapped after 关于印发
    ("H1", "当前位置: 首页\n>政务公开 >通知公告 >本委文件\n\n青梧市卫生健康委关于印发 2022年全市健康帮扶工作要点的通知\n\n"
           "  • 时间:2022-03-09 10:14:52\n  • 发布:青梧市卫生健康委\n\n \n梧卫健发〔2022〕11号 \n \n青梧市卫生健康委关于印发\n"
           "2022年全市健康帮扶工作要点的通知\n \n各县(市、区)卫生健康局,委属各单位,委机关各处室:\n"
           "现将《2022年全市健康帮扶工作要点》印发给你们,请结合实际抓好落实。\n\n青梧市卫生健康委\n2022年3月8日\n",
     {"doc_number": "梧卫健发〔2022〕11号", "title": "青梧市卫生健康委关于印发2022年全市健康帮扶工作要点的通知",
      "addressees": ["各县（市、区）卫生健康局", "委属各单位", "委机关各处室"], "issuers": ["青梧市卫生健康委"],
      "issue_date": "2022-03-08", "genre": "通知"}),
    # H2: xxgk box with two label: value pairs a line, empty 文号 at the end of a line; no signature
    ("H2", "• 设为首页|\n• 加入收藏|\n• 长辈版|\n• 无障碍浏览|\n您现在所在的位置: 网站首页> 市卫健委> 政策文件> 通知公告\n"
           "索引号: 11341900MB0000000X/202108-00031 组配分类: 通知公告\n发布机构: 鹭洲市卫生健康委员会 主题分类: 卫生、体育 / 通知\n"
           "名称: 鹭洲市卫生健康委员会关于做好脱贫人口慢病签约服务的通知 文号:\n发布日期: 2021-08-16\n"
           "鹭洲市卫生健康委员会关于做好脱贫人口慢病签约服务的通知\n"
           "发布时间:2021-08-16 15:02 来源:鹭洲市卫生健康委员会 浏览次数: 字体:[ ]\n\n"
           "各县(区)卫生健康委,市直各医疗卫生单位:\n为做好脱贫人口慢病签约服务,现将有关事项通知如下:\n一、做实签约服务。\n",
     {"doc_number": None, "title": "鹭洲市卫生健康委员会关于做好脱贫人口慢病签约服务的通知",
      "issuers": ["鹭洲市卫生健康委员会"], "issue_date": None,
      "addressees": ["各县（区）卫生健康委", "市直各医疗卫生单位"]}),
    # H3: flattened box (label value), empty fields make labels adjacent; date line with 年月日 lost
    ("H3", "适老版-新\n\n市人民政府办公室关于印发健康霁州三年行动推进方案的通知\n\n  发布时间: 2021-11-03 09:40 字体:[]\n"
           "索引号 000014349/2021-4412078 成文日期 2021-11-02\n文号 发布时间 2021-11-03\n发布机构 文件有效性\n"
           "名称 市人民政府办公室关于印发健康霁州三年行动推进方案的通知\n政策解读 文字解读:《健康霁州三年行动推进方案》\n\n"
           "各县、区人民政府,霁州新区管委会,市人民政府各部门、各直属机构:\n"
           "经市人民政府同意,现将《健康霁州三年行动推进方案》印发给你们,请认真贯彻执行。\n\n20211102\n\n(此件公开发布)\n",
     {"doc_number": None, "title": "市人民政府办公室关于印发健康霁州三年行动推进方案的通知", "issue_date": "2021-11-02",
      "addressees": ["各县、区人民政府", "霁州新区管委会", "市人民政府各部门", "各直属机构"]}),
    # H4: bullets with label and value on separate lines; a reply to a proposal addressed to a person
    ("H4", "• 今天是:00:00:00 农历:\n• 中国政府网\n• 澜川省人民政府网\n当前位置:首页 / 政务公开 / 基础信息公开 / 建议提案\n"
           "• 索 引 号:\n• 000014349/2022-815530\n• 信息分类:\n• 发布机构:\n• 生成日期:\n• 2022-07-19\n• 文  号:\n"
           "• 是否有效:\n• 名  称:\n• 省卫生健康委关于省政协十三届一次会议第2208号提案的答复\n"
           "省卫生健康委关于省政协十三届一次会议第2208号提案的答复\n\n周某某委员:\n"
           "您提出的《关于加强山区县域急救体系建设的建议》收悉。经商省财政厅、省医保局,现答复如下:\n",
     {"doc_number": None, "title": "省卫生健康委关于省政协十三届一次会议第2208号提案的答复", "genre": "答复",
      "addressees": ["周某某委员"], "issue_date": "2022-07-19"}),
    # H5: bullets, label, blank line, value; 发文机构 holds a web site; 发文日期 with a time is publication
    ("H5", "返回顶部\n\n望川县人民政府关于印发望川县基层医疗卫生服务能力提升方案的通知\n\n  • 索引号:\n\n    6107990000/2023-000418\n"
           "  • 主题分类:\n\n  • 来源:\n\n  • 发文机构:\n\n    县政府网站\n  • 发文字号:\n\n    望政发〔2023〕9号\n  • 发文日期:\n\n"
           "    2023年05月12日 11:20\n  • 有效性:\n\n  • 发布日期:\n\n    2023年05月12日 11:08\n  • 内容概述:\n\n"
           "各乡镇人民政府,县政府各部门:\n现将《望川县基层医疗卫生服务能力提升方案》印发给你们,请认真贯彻落实。\n",
     {"doc_number": "望政发〔2023〕9号", "title": "望川县人民政府关于印发望川县基层医疗卫生服务能力提升方案的通知",
      "issuers": ["望川县人民政府"], "issue_date": None, "addressees": ["各乡镇人民政府", "县政府各部门"]}),
    # H6: pipe table whose empty 成文日期 shifts the row
    ("H6", "索引号: | 11341800MB1500000Y/202304-00019 | 组配分类: | 规划计划 |\n发布机构: | 栖云县卫生健康委员会 | 主题分类: | 卫生、体育 |\n"
           "名称: | 栖云县卫生健康委员会关于印发2023年卫生健康工作要点的通知 | 文号: | 栖卫〔2023〕14号 |\n"
           "成文日期: | 发布日期: | 2023-04-18 | |\n废止日期: |\n各乡镇卫生院,县直各医疗卫生单位,委机关各股室:\n"
           "现将《2023年卫生健康工作要点》印发给你们,请认真组织实施。\n",
     {"doc_number": "栖卫〔2023〕14号", "title": "栖云县卫生健康委员会关于印发2023年卫生健康工作要点的通知",
      "issuers": ["栖云县卫生健康委员会"], "issue_date": None,
      "addressees": ["各乡镇卫生院", "县直各医疗卫生单位", "委机关各股室"]}),
    # H7: law-mirror wrapper, the title three times, issuer line above it, square brackets, ○ date
    ("H7", "您的位置: 首页 » 法律资料网 » 法律法规 »\n\n关于印发《沙澧县乡村医生管理暂行办法》的通知\n\n"
           "时间:2024-06-03 18:22:07 来源: 法律资料网 作者:法律资料网 阅读:7315\n下载地址: 点击此处下载\n\n"
           "关于印发《沙澧县乡村医生管理暂行办法》的通知\n\n沙澧县卫生局\n\n\n关于印发《沙澧县乡村医生管理暂行办法》的通知\n\n"
           "沙卫发[2005]31号\n\n各乡镇卫生院,县直各卫生单位:\n现将《沙澧县乡村医生管理暂行办法》印发给你们,请遵照执行。\n\n"
           "二○○五年六月十八日\n",
     {"doc_number": "沙卫发〔2005〕31号", "title": "关于印发《沙澧县乡村医生管理暂行办法》的通知",
      "issuers": ["沙澧县卫生局"], "issue_date": "2005-06-18", "addressees": ["各乡镇卫生院", "县直各卫生单位"]}),
    # H8: 文号 glued before the 《title》 on the headline line, then the title and 文号 again
    ("H8", "桐政办发〔2021〕27号《桐溪县人民政府办公室关于巩固拓展健康扶贫成果的实施意见》\n\n"
           "浏览量:          时间:2021-10-22 08:31:47\n\n桐溪县人民政府办公室关于巩固拓展健康扶贫成果的实施意见\n\n\n"
           "桐政办发〔2021〕27号\n\n \n\n各乡镇人民政府,县政府各部门、各直属机构:\n为巩固拓展健康扶贫成果,提出如下实施意见。\n",
     {"doc_number": "桐政办发〔2021〕27号", "title": "桐溪县人民政府办公室关于巩固拓展健康扶贫成果的实施意见",
      "genre": "意见", "issuers": ["桐溪县人民政府办公室"],
      "addressees": ["各乡镇人民政府", "县政府各部门", "各直属机构"]}),
    # H9: 文号 on the title's line; the addressee first glued to the body, then alone
    ("H9", "松区办发〔2022〕4号 松屿区人民政府办公室关于印发松屿区健康促进行动实施方案的通知\n\n"
           "各街道办事处、区政府各部门、各有关单位:经区政府同意,现将《松屿区健康促进行动实施方案》印发给你们,请认真贯彻执行。    \n\n"
           "各街道办事处、区政府各部门、各有关单位:\n\n经区政府同意,现将《松屿区健康促进行动实施方案》印发给你们,请认真贯彻执行。\n",
     {"doc_number": "松区办发〔2022〕4号", "title": "松屿区人民政府办公室关于印发松屿区健康促进行动实施方案的通知",
      "addressees": ["各街道办事处", "区政府各部门", "各有关单位"], "issuers": ["松屿区人民政府办公室"]}),
    # H10: traditional-character mirror, labels glued to values, 文号 in parentheses (shown as printed, 號), two issuers in the box
    ("H10", "發文機關澜川省衛生健康委員會,澜川省醫療保障局\n發文日期2021年6月30日\n時效性現行有效\n"
            "發文字號澜衛辦基層發〔2021〕18號\n施行日期2021年6月30日\n效力級別地方規範性文件\n(澜衛辦基層發〔2021〕18號)\n"
            "各市(州)衛生健康委、醫療保障局:\n為做好基層衛生工作,現將有關事項通知如下:\n",
     {"doc_number": "澜衛辦基層發〔2021〕18號", "issuers": ["澜川省衛生健康委員會", "澜川省醫療保障局"],
      "issue_date": "2021-06-30", "addressees": ["各市（州）衛生健康委", "醫療保障局"]}),
    # H11: issuer over two lines, spaced genre word, parenthesised number (通告), no addressee
    ("H11", "临枫县新型冠状病毒感染的\n肺炎疫情防控指挥部\n通 告\n(县疫情防控指挥部第3号)\n"
            "为切实做好疫情防控工作,现将有关事项通告如下:\n一、即日起暂停县城所有室内公共娱乐场所营业。\n",
     {"genre": "通告", "doc_number": "县疫情防控指挥部第3号", "addressees": []}),
    # H12: State Council style decree; the hard wrap splits 第 / 171次
    ("H12", "  中华人民共和国国务院令\n\n  第806号\n\n  《基层医疗卫生机构运行管理条例》已经2022年3月2日国务院第\n"
            "171次常务会议通过,现予公布,自2022年7月1日起施行。\n\n  总理李某\n\n  2022年3月18日\n",
     {"doc_number": "国务院令第806号", "genre": "令", "title": "基层医疗卫生机构运行管理条例", "issue_date": "2022-03-18",
      "addressees": []}),
    # H13: ministry decree, number before 令 and spaces inside the number, ○ date
    ("H13", "中华人民共和国某某部第31号令\n\n中华人民共和国某某部令\n\n第 31 号\n\n"
            "  《某某管理办法》已于2003年10月9日部务会讨论通过,现予发布,自2004年1月1日起施行。\n\n部 长: 王某某\n\n二○○三年十一月二日\n",
     {"doc_number": "某某部令第31号", "issue_date": "2003-11-02", "addressees": []}),
    # H14: 公告 with its number in the title, trad. rows
    ("H14", "當前位置: 首頁 » 政策法規 » 國家法規 »\n國家某某委員會關於某某等9種新食品原料的公告 (2021年第6號)\n"
            "          掃描二維碼 分享好友和朋友圈\n          放大字體  縮小字體 2021-09-14 10:03:51  來源:國家某某委員會  瀏覽次數:40112\n"
            "          發布單位\n          國家某某委員會\n          國家某某委員會\n          發布文號 2021年第6號\n"
            "          發布日期 2021-09-10 生效日期 2021-09-10\n          有效性狀態 廢止日期 暫無\n          屬性 通告公告 專業屬性 其他\n"
            "根據有關規定,現將某某等9種新食品原料公告如下。\n",
     {"doc_number": "2021年第6號", "issuers": ["國家某某委員會"], "addressees": []}),
    # H15: 【label】: law-database header, empty 发文字号
    ("H15", "【发文字号】:\n【时 效 性】:现行有效\n【中央/地方】:地方\n【发布部门】:地方性规章/澜川省/澜川省卫生厅(已撤销)\n"
            "【效力级别】:地方法规/地方规范性文件\n【实施日期】:1998/04/01\n澜川省乡村医生管理办法\n"
            "第一条 为加强乡村医生管理,制定本办法。\n",
     {"doc_number": None, "issuers": ["澜川省卫生厅"], "title": "澜川省乡村医生管理办法", "genre": "办法"}),
    # H17: forward notice, attachments named by 文号, signature glued to the date
    ("H17", "各镇街卫生健康办,各医院、社区卫生服务中心,局直属各单位:\n现将省卫生健康委通告转发给你们,请周知。\n"
            "附件:鹭卫函〔2020〕57号.pdf\n澜卫通〔2020〕3号.pdf\n鹭洲市卫生健康局2020年3月2日\n",
     {"issuers": ["鹭洲市卫生健康局"], "issue_date": "2020-03-02",
      "addressees": ["各镇街卫生健康办", "各医院", "社区卫生服务中心", "局直属各单位"]}),
    # H18: damaged citations and an ambiguous bare date
    ("H18", "关于印发霁州市慢性病综合防控实施方案的通知\n霁政办发〔2021〕33号\n各县(区)人民政府,市政府各部门:\n"
            "经市政府同意,现将《霁州市慢性病综合防控实施方案》印发给你们,请认真贯彻执行。\n\n2021106\n\n(此件公开发布)\n\n"
            "霁州市慢性病综合防控实施方案\n\n为贯彻落实《国务院关于实施健康中国行动的意见》(国发2019〕13号)和"
            "《澜川省人民政府办公厅关于印发健康澜川行动实施方案的通知》(澜府办发〔201930号)精神,结合我市实际,制定本方案。\n",
     {"doc_number": "霁政办发〔2021〕33号", "title": "关于印发霁州市慢性病综合防控实施方案的通知", "issue_date": None,
      "addressees": ["各县（区）人民政府", "市政府各部门"],
      "citations": ["国发〔2019〕13号", "澜府办发〔2019〕30号"]}),
    # H19: spun mirror, three-line title
    ("H19", "您的位置:主页 > 公告动态 > 资讯\n望川县人民政府办公室关于印发望川县\n进一步加鼎力度支持基层卫生生长\n实行方案的通知\n"
            "望政办〔2023〕6号\n各乡镇人民政府,县政府各部门:\n"
            "  《望川县进一步加鼎力度支持基层卫生生长的实行方案》已经县人民政府赞成,现印发给你们,请认真组织实行。\n",
     {"doc_number": "望政办〔2023〕6号", "title": "望川县人民政府办公室关于印发望川县进一步加鼎力度支持基层卫生生长实行方案的通知",
      "addressees": ["各乡镇人民政府", "县政府各部门"]}),
    # H20: box lines with a space before the colon, then raw HTML left in the text
    ("H20", "发文机关:栖云县人民政府\n发布日期:2020年09月08\n生效日期:2020年09月08\n时效性 :现行有效\n文号 :栖政发〔2020〕19号\n"
            "<p>各乡镇人民政府,县政府各部门:</p><p> 现将《栖云县健康乡村建设实施方案》印发给你们,请认真组织实施。</p>"
            "<p style=\"text-align: right;\"> 栖云县人民政府</p><p style=\"text-align: right;\"> 2020年9月7日</p>"
            "<p style=\"text-align: right;\"> (此件公开发布)</p>\n",
     {"doc_number": "栖政发〔2020〕19号", "issue_date": "2020-09-07", "issuers": ["栖云县人民政府"],
      "addressees": ["各乡镇人民政府", "县政府各部门"]}),
    # H22: pipe-table remnants around a 通报
    ("H22", "|\n|||\n. | |||\n关于全市脱贫人口住院费用一站式结算监测情况的通报(9月5日) |\n|||\n"
            "各县(区)卫生健康局,市属各医疗机构: | |||\n为更好落实健康帮扶政策,现将8月份监测情况通报如下: 一、总体情况 全市32家医疗机构均实现一站式结算。\n",
     {"genre": "通报", "title": "关于全市脱贫人口住院费用一站式结算监测情况的通报（9月5日）",
      "addressees": ["各县（区）卫生健康局", "市属各医疗机构"]}),
    # two-line title whose first line is the issuer; the title wraps inside a phrase
    ("T1", "澜川省人民政府办公厅\n关于建立健全行政规范性文件\n合法性审核机制的指导意见\n澜政办发〔2019〕21号\n"
           "各市(州)人民政府,省政府各部门:\n为加强行政规范性文件管理,经省政府同意,提出如下意见。\n",
     {"doc_number": "澜政办发〔2019〕21号", "title": "关于建立健全行政规范性文件合法性审核机制的指导意见",
      "issuers": ["澜川省人民政府办公厅"], "genre": "意见", "addressees": ["各市（州）人民政府", "省政府各部门"]}),
    # a plan with no cover letter; publication marker glued to the date
    ("T2", "桐溪县家庭医生签约服务提质增效工作方案\n为做好家庭医生签约服务,制定本方案。\n一、工作目标。签约覆盖面稳步扩大。\n"
           "桐溪县卫生健康局\n2023年2月6日(此件主动公开)\n",
     {"title": "桐溪县家庭医生签约服务提质增效工作方案", "genre": "方案", "issuers": ["桐溪县卫生健康局"],
      "issue_date": "2023-02-06", "addressees": []}),
    # a 复函 with the 文号 and a 公开方式 marker glued to the title
    ("T3", "澜卫函〔2022〕45号\n澜川省卫生健康委员会关于同意设置青梧市急救中心分站的复函(公开方式:主动公开)\n青梧市卫生健康委:\n"
           "你委《关于设置急救中心分站的请示》(梧卫健〔2022〕30号)收悉。经研究,同意设置。\n澜川省卫生健康委员会\n2022年5月9日\n",
     {"doc_number": "澜卫函〔2022〕45号", "title": "澜川省卫生健康委员会关于同意设置青梧市急救中心分站的复函", "genre": "复函",
      "issuers": ["澜川省卫生健康委员会"], "issue_date": "2022-05-09", "addressees": ["青梧市卫生健康委"],
      "citations": ["梧卫健〔2022〕30号"]}),
    # damaged own 文号 (missing 〕) and a 批复
    ("T4", "青梧市人民政府关于桐溪县卫生事业发展规划的批复\n梧政复〔202312号\n桐溪县人民政府:\n"
           "你县《关于审批卫生事业发展规划的请示》收悉。现批复如下:\n一、原则同意该规划。\n青梧市人民政府\n2023年4月3日\n",
     {"doc_number": "梧政复〔2023〕12号", "title": "青梧市人民政府关于桐溪县卫生事业发展规划的批复", "genre": "批复",
      "issuers": ["青梧市人民政府"], "issue_date": "2023-04-03", "addressees": ["桐溪县人民政府"]}),
    # 【文　　号】 with padding in a box, the article prints a different 文号 (a conflict)
    ("T5", "【标　　题】鹭洲市卫生健康局关于开展健康帮扶专项督导的通知\n【文　　号】鹭卫〔2022〕8号\n【成文日期】2022-06-01\n"
           "鹭洲市卫生健康局关于开展健康帮扶专项督导的通知\n鹭卫〔2022〕9号\n各县(区)卫生健康局:\n"
           "为推动政策落实,决定开展专项督导。\n鹭洲市卫生健康局\n2022年6月1日\n",
     {"doc_number": "鹭卫〔2022〕9号", "title": "鹭洲市卫生健康局关于开展健康帮扶专项督导的通知", "issue_date": "2022-06-01",
      "issuers": ["鹭洲市卫生健康局"], "addressees": ["各县（区）卫生健康局"], "conflicts": ["doc_number"]}),
    # H23: a 关于 title wrapped before its year range, so the first line ends in a genre word (计划);
    # the enclosed plan's title follows the date and is not a citation of the notice
    ("H23", "关于印发霁州市基层卫生人才队伍建设三年行动计划\n(2024—2026年)的通知\n各县(市)、区人民政府,市人民政府各部门:\n"
            "《霁州市基层卫生人才队伍建设三年行动计划(2024—2026年)》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
            "霁州市人民政府办公室\n2024年3月6日\n霁州市基层卫生人才队伍建设三年行动计划(2024—2026年)\n"
            "为稳定基层卫生人才队伍,根据《澜川省人民政府办公厅关于印发澜川省基层卫生人才工作方案的通知》(澜政办〔2023〕17号)"
            "要求,制定本行动计划。\n一、总体要求\n",
     {"title": "关于印发霁州市基层卫生人才队伍建设三年行动计划（2024—2026年）的通知", "genre": "通知",
      "body_title": "霁州市基层卫生人才队伍建设三年行动计划（2024—2026年）", "issuers": ["霁州市人民政府办公室"],
      "issue_date": "2024-03-06", "doc_number": None}),
    # R1 (real-pages round 4): headline with the 文号 in brackets after the title; a byline whose
    # reading-aid widgets (视力保护色:, 浏览量:) end in colons and must not be taken for the 主送
    ("R1", "归档时间:2021-06-30\n当前位置: 首页 > 政务公开 > 政策法规\n\n"
           "中共青梧市委办公室青梧市人民政府办公室印发《关于健全健康帮扶长效机制的实施意见》的通知(梧办发〔2021〕5号)\n\n"
           "来源:青梧市政府门户网 日期:2021-03-02 10:15 字号:【\n视力保护色:\n浏览量:\n\n"
           "各县市区委、人民政府,青梧经济开发区,市直各单位:\n\n"
           "《关于健全健康帮扶长效机制的实施意见》已经市委、市人民政府同意,现印发给你们,请认真贯彻执行。\n\n"
           "中共青梧市委办公室\n\n青梧市人民政府办公室\n\n2021年2月26日\n",
     {"doc_number": "梧办发〔2021〕5号",
      "title": "中共青梧市委办公室青梧市人民政府办公室印发《关于健全健康帮扶长效机制的实施意见》的通知",
      "issuers": ["中共青梧市委办公室", "青梧市人民政府办公室"], "issue_date": "2021-02-26",
      "addressees": ["各县市区委", "人民政府", "青梧经济开发区", "市直各单位"]}),
    # R2: an xxgk box with two pairs a line where 名称 follows 废止时间 on its line, and a
    # 信息来源: 关键词: row (both empty) just above the article
    ("R2", "首页 > 桐溪县人民政府办公室信息公开 > 信息浏览\n索引号: 003120001/202203-00041 组配分类: 规范性文件发布\n"
           "信息分类: 通知   发布机构: 桐溪县人民政府办公室\n生成日期: 2022-03-11 文号:\n"
           "发文日期: 2022-03-11 生效时间: 2022-03-11\n废止时间: 2024-03-11 名称: 桐溪县人民政府关于印发《桐溪县村卫生室运行管理办法》的通知\n"
           "信息来源: 关键词:\n浏览次数: 233 内容概述:\n\n桐溪县人民政府关于印发《桐溪县村卫生室运行管理办法》的通知\n\n"
           "各乡、镇人民政府,县政府各部门:\n\n  《桐溪县村卫生室运行管理办法》已经县政府常务会议通过,现予印发,请遵照执行。\n\n"
           "桐溪县人民政府\n2022年3月8日\n",
     {"doc_number": None, "title": "桐溪县人民政府关于印发《桐溪县村卫生室运行管理办法》的通知",
      "issuers": ["桐溪县人民政府"], "issue_date": "2022-03-08",
      "addressees": ["各乡、镇人民政府", "县政府各部门"]}),
    # R3: a 督查 bulletin whose issuer and date share a line and the date lost its 日; the title
    # below it is wrapped over a blank line
    ("R3", "关于2023年民生实事上半年进展情况的通报\n\n发布时间:2023-07-21 09:30信息来源:临枫县人民政府文字大小:[    ] 背景色:\n\n"
           "临枫县政务督查\n\n12期\n\n临枫县人民政府督查室           2023年7月18\n\n关于2023年民生实事\n\n上半年进展情况的通报\n\n"
           "各乡镇人民政府,县政府各部门:\n\n根据县政府工作安排,县政府督查室对民生实事进展情况进行了督查。\n",
     {"title": "关于2023年民生实事上半年进展情况的通报", "issuers": ["临枫县人民政府督查室"], "issue_date": "2023-07-18",
      "addressees": ["各乡镇人民政府", "县政府各部门"]}),
    # R4: a law mirror: 文号《title》 glued on the first line, the 《title》 alone, the 文号 twice;
    # the notice must not cite its own title
    ("R4", "澜政办发〔2019〕14号《澜川省人民政府办公厅关于印发〈澜川省2019年健康帮扶工作要点〉的通知》\n"
           "《澜川省人民政府办公厅关于印发〈澜川省2019年健康帮扶工作要点〉的通知》\n澜政办发〔2019〕14号\n澜政办发〔2019〕14号\n"
           "各市人民政府,省政府各部门:\n《澜川省2019年健康帮扶工作要点》已经省政府同意,现印发给你们,请认真贯彻落实。\n"
           "澜川省人民政府办公厅\n2019年4月2日\n",
     {"doc_number": "澜政办发〔2019〕14号", "title": "澜川省人民政府办公厅关于印发〈澜川省2019年健康帮扶工作要点〉的通知",
      "issuers": ["澜川省人民政府办公厅"], "issue_date": "2019-04-02", "genre": "通知",
      "addressees": ["各市人民政府", "省政府各部门"], "citations": []}),
    # R5: four joint issuers before 关于 on the headline, separated by spaces, and no signature
    # block on the page: the issuers come from the title
    ("R5", "青梧市发展和改革委员会 中共青梧市委社会工作部 青梧市民政局 青梧市卫生健康委员会 关于印发青梧市社区嵌入式健康服务"
           "建设方案的通知\n\n各区(市)县政府(管委会),市级有关部门:\n\n经市领导同意,现将《青梧市社区嵌入式健康服务建设方案》"
           "印发给你们,请结合实际认真贯彻落实.\n\n为推动社区嵌入式健康服务建设,结合我市实际,特制定本方案。\n",
     {"issuers": ["青梧市发展和改革委员会", "中共青梧市委社会工作部", "青梧市民政局", "青梧市卫生健康委员会"],
      "addressees": ["各区（市）县政府（管委会）", "市级有关部门"], "issue_date": None, "doc_number": None}),
]

# signature blocks after a short notice head
_SIG_HEAD = "关于做好健康帮扶工作的通知\n各有关单位:\n请认真抓好落实。\n"
_SIG_HEAD_L = "关于做好健康帮扶工作的通知\n各有关单位:\n请认真抓好落实。\n"
SIGNATURES = [
    # S1: joint issuers, two a line separated by one space
    ("S1", _SIG_HEAD + "澜川省卫生健康委员会 澜川省发展和改革委员会\n澜川省民政厅 澜川省财政厅\n"
           "澜川省人力资源和社会保障厅 澜川省医疗保障局\n澜川省乡村振兴局 澜川省残疾人联合会\n2021年8月26日\n",
     {"issuers": ["澜川省卫生健康委员会", "澜川省发展和改革委员会", "澜川省民政厅", "澜川省财政厅", "澜川省人力资源和社会保障厅",
                  "澜川省医疗保障局", "澜川省乡村振兴局", "澜川省残疾人联合会"], "issue_date": "2021-08-26"}),
    # S2: one a line, right-aligned, 代章
    ("S2", _SIG_HEAD + "                                        青梧市卫生健康委员会\n"
           "                                        青梧市财政局（代章）\n                                        青梧市医疗保障局（代章）\n"
           "                                        青梧市乡村振兴局（代章）\n                                          2022年1月14日\n",
     {"issuers": ["青梧市卫生健康委员会", "青梧市财政局", "青梧市医疗保障局", "青梧市乡村振兴局"], "issue_date": "2022-01-14"}),
    # S12: a national office and a ministry department (…司) sign a 函 together
    ("S12", _SIG_HEAD + "某某部办公厅\n某某总局综合司\n2019年11月5日\n",
     {"issuers": ["某某部办公厅", "某某总局综合司"], "issue_date": "2019-11-05"}),
    # S3: Chinese-numeral date with 〇
    ("S3", _SIG_HEAD + "桐溪县卫生健康局\n二〇二一年九月三日\n", {"issuers": ["桐溪县卫生健康局"], "issue_date": "2021-09-03"}),
    # S4: Chinese-numeral date with Latin O and trailing spaces
    ("S4", _SIG_HEAD + "临枫县人民政府办公室\n二O二O年十二月三十日    \n",
     {"issuers": ["临枫县人民政府办公室"], "issue_date": "2020-12-30"}),
    # S5: three names run together and glued to the date, then 此件公开发布
    ("S5", _SIG_HEAD + "松屿区卫生健康局松屿区民政局松屿区医疗保障局2021年11月9日\n（此件公开发布）\n",
     {"issuers": ["松屿区卫生健康局", "松屿区民政局", "松屿区医疗保障局"], "issue_date": "2021-11-09"}),
    # S6: date only; a deadline in the body is not the date
    ("S6", _SIG_HEAD + "请各单位于2022年6月30日前报送工作进展。\n\n\n\n2022年5月20日\n",
     {"issuers": [], "issue_date": "2022-05-20"}),
    # S7: issuer over two lines, date with a place
    ("S7", _SIG_HEAD + "霁州市新型冠状病毒感染的肺炎疫情\n防控工作指挥部\n2020年2月2日于霁州市\n",
     {"issuers": ["霁州市新型冠状病毒感染的肺炎疫情防控工作指挥部"], "issue_date": "2020-02-02"}),
    # S8: answer to a proposal with officer lines after the date
    ("S8", _SIG_HEAD + "澜川省卫生健康委员会\n2021年7月8日\n签 发 人:刘某某\n承 办 人:赵某某\n联系电话:0871—6500123\n",
     {"issuers": ["澜川省卫生健康委员会"], "issue_date": "2021-07-08"}),
    # S10: contact lines before a two-name signature, zero-padded date
    ("S10", _SIG_HEAD + "联系人:孙某某,联系电话:0579-8211xxxx\n邮箱:wcwjw_xxk@163.com\n\n望川县卫生健康局 望川县财政局\n2023年03月07日\n",
     {"issuers": ["望川县卫生健康局", "望川县财政局"], "issue_date": "2023-03-07"}),
    # S11: names run together in a three-column block of a province's bodies
    ("S11", _SIG_HEAD + "湖南省医疗保障局湖南省财政厅\n湖南省卫生健康委员会\n2022年9月1日\n",
     {"issuers": ["湖南省医疗保障局", "湖南省财政厅", "湖南省卫生健康委员会"], "issue_date": "2022-09-01"}),
    # S13 (probe 3): a repost's seal places beside each name, two names a line
    ("S13", _SIG_HEAD + "青梧市卫生健康委员会（印章）　　青梧市医疗保障局（印章）\n2022年4月8日\n",
     {"issuers": ["青梧市卫生健康委员会", "青梧市医疗保障局"], "issue_date": "2022-04-08"}),
    # S14 (probe 3): a line of seal places under the names' line
    ("S14", _SIG_HEAD + "青梧市卫生健康委员会　　青梧市医疗保障局\n（盖章）　　　　　　（盖章）\n2022年4月8日\n",
     {"issuers": ["青梧市卫生健康委员会", "青梧市医疗保障局"], "issue_date": "2022-04-08"}),
    # S15 (probe 3): square-bracketed seal places in two columns, one name pair a line
    ("S15", _SIG_HEAD + "澜川省卫生健康委员会　　澜川省财政厅\n[印章]　　　　[印章]\n澜川省医疗保障局\n[印章]\n2021年8月2日\n",
     {"issuers": ["澜川省卫生健康委员会", "澜川省财政厅", "澜川省医疗保障局"], "issue_date": "2021-08-02"}),
    # S16 (probe 3): the repost leaves the other signers out (（其他部门略）): the printed ones are the issuers (and a
    # warning says bodies were left out)
    ("S16", _SIG_HEAD + "澜川省卫生健康委员会　　　澜川省发展和改革委员会\n澜川省民政厅\n（其他部门略）\n2021年8月2日\n",
     {"issuers": ["澜川省卫生健康委员会", "澜川省发展和改革委员会", "澜川省民政厅"], "issue_date": "2021-08-02"}),
    # S17 (probe 3): the seal's place printed after the Chinese-numeral date
    ("S17", _SIG_HEAD + "桐溪县卫生健康局\n二〇二一年十二月三十日（印章）\n",
     {"issuers": ["桐溪县卫生健康局"], "issue_date": "2021-12-30"}),
    # S18 (probe 3 #3): the last item ends in its unit bracket, a blank line, then two names a row: the first row is
    # run into the item by the normaliser; its names are still issuers
    ("S18", "关于做好健康帮扶工作的通知\n各有关单位:\n一、落实大病专项救治。（省卫生健康委负责）\n\n"
            "澜川省卫生健康委员会　　　　　澜川省发展和改革委员会\n澜川省民政厅　　　　　　　　　澜川省财政厅\n2021年8月2日\n",
     {"issuers": ["澜川省卫生健康委员会", "澜川省发展和改革委员会", "澜川省民政厅", "澜川省财政厅"], "issue_date": "2021-08-02"}),
    # S19 (probe 3): a page break inside the signature marked （此页无正文）: the signers above it are issuers too
    ("S19", _SIG_HEAD + "澜川省卫生健康委员会　　澜川省财政厅\n（此页无正文）\n澜川省医疗保障局\n2021年8月2日\n",
     {"issuers": ["澜川省卫生健康委员会", "澜川省财政厅", "澜川省医疗保障局"], "issue_date": "2021-08-02"}),
]

# issue 28: header leftovers with Unicode spaces and page annotations
LEFTOVERS = [
    # L1: 【文号】 label and its value separated by an EN SPACE (U+2002); the body names the notice by its
    # 文号 and title, which must not become citations
    ("L1", "【发文机关】\u2002澜川省卫生健康委员会\n【文号】\u2002澜卫健发〔2022〕21号\u2002\u2002【成文日期】\u20022022-05-06\n"
           "澜川省卫生健康委员会关于做好脱贫人口家庭医生签约服务的通知\n各市（州）卫生健康委：\n"
           "现将有关事项通知如下。本通知（澜卫健发〔2022〕21号）自印发之日起施行。\n"
           "澜川省卫生健康委员会\n2022年5月6日\n",
     {"doc_number": "澜卫健发〔2022〕21号", "title": "澜川省卫生健康委员会关于做好脱贫人口家庭医生签约服务的通知",
      "issuers": ["澜川省卫生健康委员会"], "issue_date": "2022-05-06", "addressees": ["各市（州）卫生健康委"]}),
    # L2: four bodies sign two a line, runs of NO-BREAK SPACEs (U+00A0) between and before them
    ("L2", _SIG_HEAD_L + "\u00a0\u00a0\u00a0\u00a0青梧市卫生健康委员会\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0青梧市民政局\n"
           "\u00a0\u00a0\u00a0\u00a0青梧市医疗保障局\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0青梧市乡村振兴局\n"
           "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a02022年2月8日\n",
     {"issuers": ["青梧市卫生健康委员会", "青梧市民政局", "青梧市医疗保障局", "青梧市乡村振兴局"], "issue_date": "2022-02-08"}),
    # L3: the enclosed plan's title after the date, the page's annotation printed in front of it
    ("L3", "关于印发桐溪县健康帮扶三年规划的通知\n各乡镇卫生院：\n现将《桐溪县健康帮扶三年规划》印发给你们，请按照《规划》要求抓好落实。\n"
           "桐溪县卫生健康局\n2021年10月9日\n（信息公开形式:主动公开）桐溪县健康帮扶三年规划\n一、总体要求\n",
     {"title": "关于印发桐溪县健康帮扶三年规划的通知", "body_title": "桐溪县健康帮扶三年规划", "issuers": ["桐溪县卫生健康局"],
      "issue_date": "2021-10-09", "addressees": ["各乡镇卫生院"], "citations_titles": []}),
    # L4: IDEOGRAPHIC SPACEs inside the 文号 line and a notice that names its own annex and plan
    ("L4", "鹭卫发〔2021〕30号\u3000\n鹭洲市卫生健康委员会关于印发健康帮扶实施方案的通知\n各县（区）卫生健康局：\n"
           "现将《鹭洲市健康帮扶实施方案》印发给你们，请按照《实施方案》要求，完成《2021年健康帮扶指标》（见附件）。\n"
           "鹭洲市卫生健康委员会\n2021年7月2日\n",
     {"doc_number": "鹭卫发〔2021〕30号", "title": "鹭洲市卫生健康委员会关于印发健康帮扶实施方案的通知",
      "issuers": ["鹭洲市卫生健康委员会"], "issue_date": "2021-07-02", "citations_titles": []}),
    # L5: a box label padded with EN SPACEs (文  号) before its value; the article prints no 文号 and the body
    # names the notice by its title and 文号, which must not become a citation
    ("L5", "文\u2002\u2002号\u2002栖卫发〔2023〕8号\n发布日期\u20022023-03-02\n栖云县卫生健康局关于开展慢病随访督导的通知\n"
           "各乡镇卫生院：\n《栖云县卫生健康局关于开展慢病随访督导的通知》（栖卫发〔2023〕8号）印发后，请按时报送进展。\n"
           "栖云县卫生健康局\n2023年3月1日\n",
     {"doc_number": "栖卫发〔2023〕8号", "title": "栖云县卫生健康局关于开展慢病随访督导的通知", "issuers": ["栖云县卫生健康局"],
      "issue_date": "2023-03-01", "addressees": ["各乡镇卫生院"], "citations_titles": []}),
    # L6: an EN SPACE inside the bracketed label (【文 号】) and an EM SPACE (U+2003) between two signing bodies
    ("L6", "【文\u2002号】望卫发〔2023〕12号\n望川县卫生健康局关于做好老年人健康管理的通知\n各乡镇卫生院：\n请认真落实。\n"
           "望川县卫生健康局\u2003\u2003望川县民政局\n2023年4月6日\n",
     {"doc_number": "望卫发〔2023〕12号", "title": "望川县卫生健康局关于做好老年人健康管理的通知",
      "issuers": ["望川县卫生健康局", "望川县民政局"], "issue_date": "2023-04-06", "citations_titles": []}),
    # L7 (probe of real county pages): a box flattened to one row, 索引号 … 文号 … 生成日期 … with single spaces
    # (lost in normalising, so 文号 follows the index number's last digit); a joint signature two bodies a line
    # in space-aligned columns, one of them a city bureau's county branch named from its level word (市…分局)
    ("L7", "索引号 000123456/2022-00031 文号 栖卫健发〔2022〕41号 生成日期 2022-05-10\n"
           "关于印发《栖云县脱贫人口慢病签约服务提质方案》的通知\n各有关单位:\n现将方案印发给你们,请认真抓好落实。\n"
           "栖云县卫生健康局            栖云县医疗保障局\n栖云县乡村振兴局          市生态环境局栖云分局\n2022年5月9日\n",
     {"doc_number": "栖卫健发〔2022〕41号", "title": "关于印发《栖云县脱贫人口慢病签约服务提质方案》的通知",
      "issuers": ["栖云县卫生健康局", "栖云县医疗保障局", "栖云县乡村振兴局", "市生态环境局栖云分局"],
      "issue_date": "2022-05-09", "addressees": ["各有关单位"]}),
    # L8 (probe 2 #14): a joint header of issuer pairs, one a national bureau's provincial branch (国家税务总局…税务局:
    # one body), above a title with no issuer and no 通知 (关于…的若干措施); the same pairs as the signature
    ("L8", "澜川省卫生健康委员会　　澜川省财政厅\n澜川省医疗保障局　　国家税务总局澜川省税务局\n"
           "关于做好农村低收入人口参保资助的若干措施\n澜卫财务发〔2023〕6号\n各市（州）卫生健康委、财政局、医保局，各市（州）税务局：\n"
           "为做好参保资助工作，现提出如下措施。\n一、落实分类资助。对特困人员给予全额资助。\n"
           "澜川省卫生健康委员会　　澜川省财政厅\n澜川省医疗保障局　　国家税务总局澜川省税务局\n2023年2月20日\n",
     {"doc_number": "澜卫财务发〔2023〕6号", "title": "关于做好农村低收入人口参保资助的若干措施", "genre": "措施",
      "issuers": ["澜川省卫生健康委员会", "澜川省财政厅", "澜川省医疗保障局", "国家税务总局澜川省税务局"],
      "issue_date": "2023-02-20"}),
    # L9 (probe 2 #15): a red-header 文件 whose 文号 line also names the signer on its right (签发人：…)
    ("L9", "青梧市卫生健康委员会文件\n梧卫健发〔2023〕21号　　　　　　签发人：周某某\n"
           "青梧市卫生健康委员会关于做好村医培训的通知\n各县（市、区）卫生健康局：\n请认真组织村医培训。\n"
           "青梧市卫生健康委员会\n2023年3月6日\n",
     {"doc_number": "梧卫健发〔2023〕21号", "title": "青梧市卫生健康委员会关于做好村医培训的通知",
      "issuers": ["青梧市卫生健康委员会"], "issue_date": "2023-03-06"}),
    # L10 (probe 2 #15): a list-style plan with no cover letter whose first line is its title (…工作任务清单)
    ("L10", "栖云县2023年基层卫生工作任务清单\n为抓好基层卫生工作，县卫生健康局制定本清单。\n"
            "1．完成5个村卫生室改造。（县卫健局牵头）\n栖云县卫生健康局\n2023年1月12日\n",
     {"doc_number": None, "title": "栖云县2023年基层卫生工作任务清单", "genre": "清单", "issuers": ["栖云县卫生健康局"],
      "issue_date": "2023-01-12"}),
]

CASES = HEADERS + SIGNATURES + LEFTOVERS

# Written after the parser was tuned on the cases above and scored before any change for them:
# benchmarks/header_eval.py reports them apart as the held-out figure.
HELD_OUT = [
    # gov.cn-style box copied as text: labels padded with U+3000, article without a 文号
    ("X1", "标　　题：澜川省人民政府办公厅关于加强基层医疗卫生队伍建设的意见\n发文机关：澜川省人民政府办公厅\n"
           "发文字号：澜政办发〔2020〕17号\n成文日期：2020年06月30日\n发布日期：2020年07月06日\n主题分类：卫生、体育\n"
           "澜川省人民政府办公厅关于加强基层医疗卫生队伍建设的意见\n各市（州）人民政府，省政府各部门：\n"
           "为加强基层医疗卫生队伍建设，经省政府同意，提出以下意见。\n",
     {"title": "澜川省人民政府办公厅关于加强基层医疗卫生队伍建设的意见", "doc_number": "澜政办发〔2020〕17号",
      "issuers": ["澜川省人民政府办公厅"], "issue_date": "2020-06-30", "addressees": ["各市（州）人民政府", "省政府各部门"]}),
    # red header, title over three lines
    ("X2", "青梧市卫生健康委员会文件\n梧卫健发〔2021〕40号\n青梧市卫生健康委员会\n关于印发青梧市巩固拓展\n健康扶贫成果\n"
           "实施方案的通知\n各县（市、区）卫生健康局：\n现将《青梧市巩固拓展健康扶贫成果实施方案》印发给你们，请认真贯彻执行。\n"
           "青梧市卫生健康委员会\n2021年9月2日\n",
     {"title": "关于印发青梧市巩固拓展健康扶贫成果实施方案的通知", "doc_number": "梧卫健发〔2021〕40号",
      "issuers": ["青梧市卫生健康委员会"], "issue_date": "2021-09-02", "addressees": ["各县（市、区）卫生健康局"]}),
    # 文号 and title on one line separated by an ideographic space
    ("X3", "桐卫健发〔2022〕3号　桐溪县卫生健康局关于开展家庭医生签约服务督导的通知\n各乡镇卫生院：\n"
           "为推动签约服务提质增效，决定开展督导。\n桐溪县卫生健康局\n2022年3月1日\n",
     {"title": "桐溪县卫生健康局关于开展家庭医生签约服务督导的通知", "doc_number": "桐卫健发〔2022〕3号",
      "issuers": ["桐溪县卫生健康局"], "issue_date": "2022-03-01", "addressees": ["各乡镇卫生院"]}),
    # three issuers a line in columns of ideographic spaces
    ("X4", "关于做好脱贫人口大病专项救治工作的通知\n各县（区）卫生健康局、医疗保障局、乡村振兴局：\n请认真抓好落实。\n"
           "鹭洲市卫生健康委员会　　　鹭洲市医疗保障局　　　鹭洲市乡村振兴局\n2021年12月3日\n",
     {"title": "关于做好脱贫人口大病专项救治工作的通知", "issuers": ["鹭洲市卫生健康委员会", "鹭洲市医疗保障局", "鹭洲市乡村振兴局"],
      "issue_date": "2021-12-03", "addressees": ["各县（区）卫生健康局", "医疗保障局", "乡村振兴局"]}),
    # issuer glued to a Chinese-numeral date
    ("X5", "关于调整乡村医生补助标准的通知\n各乡镇人民政府：\n经研究，决定调整补助标准。\n临枫县财政局二〇二二年三月一日\n",
     {"title": "关于调整乡村医生补助标准的通知", "issuers": ["临枫县财政局"], "issue_date": "2022-03-01",
      "addressees": ["各乡镇人民政府"]}),
    # news wrapper around a notice
    ("X6", "霁州新闻网\n首页 > 健康霁州\n市卫健委部署健康帮扶重点工作\n来源：霁州日报　作者：某某　时间：2022-04-11 09:12\n（资料图）\n"
           "霁州市卫生健康委员会关于做好2022年健康帮扶工作的通知\n霁卫健发〔2022〕12号\n各县（区）卫生健康局：\n"
           "现就做好2022年健康帮扶工作通知如下。\n霁州市卫生健康委员会\n2022年4月8日\n",
     {"title": "霁州市卫生健康委员会关于做好2022年健康帮扶工作的通知", "doc_number": "霁卫健发〔2022〕12号",
      "issuers": ["霁州市卫生健康委员会"], "issue_date": "2022-04-08", "addressees": ["各县（区）卫生健康局"]}),
    # provincial decree with spaces in the number and the governor's signature
    ("X7", "澜川省人民政府令\n第 12 号\n《澜川省医疗救助办法》已经2021年4月20日省人民政府第88次常务会议通过，现予公布，自2021年7月1日起施行。\n"
           "省长　某某某\n2021年5月6日\n",
     {"doc_number": "澜川省人民政府令第12号", "title": "澜川省医疗救助办法", "issue_date": "2021-05-06", "addressees": []}),
    # marker glued to the date; no addressee, the first sentence ends in 如下：
    ("X8", "沙澧县人民政府关于进一步做好村卫生室建设的通知\n沙政发〔2022〕7号\n为进一步做好村卫生室建设，现将有关事项通知如下：\n"
           "一、加快建设进度。\n沙澧县人民政府\n2022年7月1日（此件主动公开）\n",
     {"title": "沙澧县人民政府关于进一步做好村卫生室建设的通知", "doc_number": "沙政发〔2022〕7号", "issuers": ["沙澧县人民政府"],
      "issue_date": "2022-07-01", "addressees": []}),
    # pipe table with 标题 and 文号 and the article's title
    ("X9", "| 标题 | 望川县卫生健康局关于印发健康促进工作要点的通知 |\n| 文号 | 望卫发〔2023〕2号 | 成文日期 | 2023-02-10 |\n"
           "望川县卫生健康局关于印发健康促进工作要点的通知\n各乡镇卫生院，县直各医疗卫生单位：\n"
           "现将《望川县健康促进工作要点》印发给你们，请认真贯彻落实。\n",
     {"title": "望川县卫生健康局关于印发健康促进工作要点的通知", "doc_number": "望卫发〔2023〕2号", "issue_date": "2023-02-10",
      "addressees": ["各乡镇卫生院", "县直各医疗卫生单位"]}),
    # 文号 with spaces inside, title over two lines
    ("X10", "淮卫办〔2022〕9 号\n关于印发淮南市老年健康促进\n行动实施方案的通知\n各县区卫生健康委：\n现将实施方案印发给你们。\n"
            "淮南市卫生健康委员会\n2022年3月3日\n",
     {"title": "关于印发淮南市老年健康促进行动实施方案的通知", "doc_number": "淮卫办〔2022〕9号", "issuers": ["淮南市卫生健康委员会"],
      "issue_date": "2022-03-03", "addressees": ["各县区卫生健康委"]}),
    # joint issuers above the title, separated by ideographic spaces
    ("X11", "澜川省卫生健康委员会　澜川省财政厅　澜川省医疗保障局\n关于做好基层医疗卫生机构运行保障的通知\n澜卫财务发〔2021〕11号\n"
            "各市（州）卫生健康委、财政局、医疗保障局：\n请认真抓好落实。\n",
     {"title": "关于做好基层医疗卫生机构运行保障的通知", "doc_number": "澜卫财务发〔2021〕11号",
      "issuers": ["澜川省卫生健康委员会", "澜川省财政厅", "澜川省医疗保障局"],
      "addressees": ["各市（州）卫生健康委", "财政局", "医疗保障局"]}),
    # 通报 issued under a 函 number
    ("X12", "澜卫函〔2021〕88号\n澜川省卫生健康委员会关于表扬健康帮扶工作先进集体的通报\n各市（州）卫生健康委：\n"
            "2021年，各地扎实推进健康帮扶工作。现予以通报表扬。\n澜川省卫生健康委员会\n2021年12月20日\n",
     {"title": "澜川省卫生健康委员会关于表扬健康帮扶工作先进集体的通报", "doc_number": "澜卫函〔2021〕88号",
      "issuers": ["澜川省卫生健康委员会"], "issue_date": "2021-12-20", "addressees": ["各市（州）卫生健康委"]}),
    # 纪要 with no 关于 and a damaged date
    ("X13", "2022年第一次健康帮扶联席会议纪要\n2022年3月15日，青梧市卫生健康委员会召开联席会议。\n一、会议议定事项。\n"
            "青梧市卫生健康委员会办公室\n2022316\n",
     {"title": "2022年第一次健康帮扶联席会议纪要", "issuers": ["青梧市卫生健康委员会办公室"], "issue_date": "2022-03-16",
      "addressees": []}),
    # the title glued to the breadcrumb, the notice below
    ("X14", "当前位置：首页 > 政务公开 > 通知公告 > 松屿区卫生健康局关于开展义诊活动的通知\n松屿区卫生健康局关于开展义诊活动的通知\n"
            "各社区卫生服务中心：\n为方便群众就医，决定开展义诊活动。\n松屿区卫生健康局\n2023年5月4日\n",
     {"title": "松屿区卫生健康局关于开展义诊活动的通知", "issuers": ["松屿区卫生健康局"], "issue_date": "2023-05-04",
      "addressees": ["各社区卫生服务中心"]}),
    # damaged own 文号 (brackets lost) under the title
    ("X15", "栖云县卫生健康局关于做好慢病签约服务的通知\n栖卫发2023 15号\n各乡镇卫生院：\n请认真做好签约服务。\n"
            "栖云县卫生健康局\n2023年6月2日\n",
     {"title": "栖云县卫生健康局关于做好慢病签约服务的通知", "doc_number": "栖卫发〔2023〕15号", "issuers": ["栖云县卫生健康局"],
      "issue_date": "2023-06-02", "addressees": ["各乡镇卫生院"]}),
]
