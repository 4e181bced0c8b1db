"""What every rule kind shares: the finding it produces and the article it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..analysis import Context, TextStructure
from ..analysis.context import any_phrase_in
from ..documents import Document
from ..lazy_regex import LazyRegex
from .names import SHORT, Names
from .patterns import Patterns, Router

if TYPE_CHECKING:
    from ..analysis.context_words import ContextLexicon
    from ..rules.models import Rule, Topic

# A use verb recommends the treatment it stands near: within this many characters of
# the mention, in the same sentence (可以服用布洛芬 / 布洛芬每次一片，饭后服用).
USE_REACH = 24
# The title's name may be named again in the body by its last characters, at least these.
NAME_TAIL = 3
_GLUED_VERBS = frozenset("用吃做打涂喝服贴含喷抹擦泡开买配换加")
_SALTS = frozenset("钠钾钙镁锌")
# A title that is about using what it names: 服用异维A酸须知, 布洛芬的正确吃法.
_TITLE_FRAME = LazyRegex(
    r"服用|使用|用法|用量|吃法|须知|指南|注意事项|怎么(吃|用|打|做|选)|如何(吃|用|选)|攻略"
    r"|副作用|不良反应|功效|疗效|作用|适应症|全解|详解|知多少|能治|治疗|介绍|了解一下"
    # a user's report on it: 测评, 亲测, 真实感受, 使用心得, 打卡第30天
    r"|测评|评测|亲测|实测|真实感受|使用感受|使用心得|心得|开箱|打卡|用后感|体验记录"
    # offered for sale or to agents: 诚招代理, 新品上市, 限时特惠, 火热预订
    r"|代理|招商|加盟|新品|上市|团购|特惠|促销|预订|预售|秒杀|抢购|限时|包邮"
    # sold or arranged as a service, pitched at a counter, a care card after it
    r"|购药|代购|买药|用药服务|推介|推銷|推销|话术|話術|专题|術後護理|术后护理|护理卡|套餐"
)
# Someone else's word reported before the mention (有人说…得喝X, 广告上写着…, 听人讲…):
# hearsay the writer relays, not the writer's advice.
_HEARSAY = LazyRegex(
    r"(有人|有的人|不少人|很多人|网上|网友|朋友圈|群里|听人|别人)(说|讲|讲过|传|推荐说)"
    r"|听说|广告(上|里)?(说|写着?|讲)|宣传(上|里)?(说|写着?)|推销员说|商家说|卖家说"
)
# Inside the title of an article forwarded into a chat ([转发] 《…这款X…》): the forwarded
# piece's words, which the chat goes on to discuss, not the speaker's offer.
_FORWARDED = LazyRegex(r"[\[【]\s*(转发|转载|分享|轉發|轉載)\s*[\]】]\s*[《「“\"][^》」”\"\n]*$")
# The bar between a page title's name and its slogan (某某疗法 | 口号, 某某滴剂，口号)
_TITLE_BAR = LazyRegex(r"\s[|｜]\s|｜|\s——|——\s|[，,]")
# (a tail that doubts or warns is no slogan: 某某疗法 | 真相：多数人用不上)
_SLOGAN_DOUBTS = LazyRegex(
    r"真相|谣言|辟谣|误区|骗局|忽悠|智商税|陷阱|风险|副作用|警惕|小心|当心|慎|[不别没勿]"
)
# A carer who will put the treatment to the patient (调度员会问是否需要嚼服X, 医生可能会问你
# 要不要打X), or who decides whether to give it (医生会看化验结果决定是否用X): an offer of
# it, not the writer's open question.
_CARER_OFFERS = LazyRegex(
    r"(医生|医师|大夫|药师|护士|调度员|接线员|急救员|急救人员)[^，,。；;！？!?]{0,4}"
    r"(会|将|可能会|也许会|或许会)([^，,。；;！？!?]{0,2}(询问|问)(你|您|家属|病人|患者)?"
    r"|[^，,。；;！？!?]{0,6}(决定|判断|评估))"
    r"(是否|要不要|需不需要|用不用)[^，,。；;！？!?]{0,2}(需要|要)?"
    r"(服用|嚼服|含服|口服|吃|使用|用|注射|打)[^，,。；;！？!?]{0,2}$"
)
# A list item that opens with a quoted belief and goes on to answer it ("吃点某药就能好"
# ——没有证据…): the belief is what the section corrects, under a heading that names
# beliefs (几个误区, 这些说法要辨别, 常见谣言).
_BELIEF_ITEM = LazyRegex(r"[\s\-*+•>0-9０-９.、)）]*[\"“「『‘]")
_BELIEF_ANSWER = LazyRegex(r"[。！？!?]?[\"”」』’][。！？!?，,]?\s*(——|—|－－|--|：|:)")
_BELIEF_HEADING = LazyRegex(r"误区|谣言|辟谣|说法|迷思|流言|传言|辨别|辨一辨|真相|别信|不可信")
BELIEF_REACH = 8
# A use verb just before a name in the title: 打肉毒素, 吃头孢, 注射玻尿酸.
_TITLE_USE = LazyRegex(r"(吃|服|服用|用|打|做|涂|喷|贴|注射|接种|补充?)[^\W_了过]{0,2}$")
# A page that opens with a reader's question (问：…, 【提问】…, Q: …): the title is the
# asker's message, what it names is the asker's, not the page's offer.
_ASKER = LazyRegex(
    r"\s*([【\[(（](问|問|提问|提問|网友提问|患者提问|咨询|Q)[】\])）]\s*[:：]?"
    r"|(问|問|提问|提問|网友提问|患者提问|咨询|Q)\s*[:：])"
)
# A reader asking what happens after a use, or which one to use, presents none.
_QUESTION = LazyRegex(
    r"(会怎样|会怎么样|怎么办|有什么影响|有影响吗|要紧吗|严重吗|打什么|吃什么|用什么"
    r"|(能|可以|可|救)?(医治|治|治好|根治|治疗)吗"
    # a title that doubts what it names (…真能少生病吗？, …反而咳更久？; not 到底有没有用？,
    # an explainer that often goes on to advise it)
    r"|真(的)?(能|有用|管用|有效|可以)[^？?。]{0,12}[吗？?]|反而[^？?。]{0,10}[？?]"
    # how to tell what follows a use (打完X，怎样分辨低血糖？, 吃了X后如何判断过敏？)
    r"|((怎么|怎样|如何|点样|咋)(分辨|辨别|分别|判断|识别|认出|看出|察觉|知道)|点知)"
    r"[^？?。]{0,12}[吗？?])"
)
# A title that takes a claim apart (…？营养师帮你拆穿, 辟谣：…, …是智商税吗), or asks about a
# use and answers no after the question or a speaker's colon (…先喂某药？医生：千万别).
_TITLE_DEBUNKS = LazyRegex(
    r"拆穿|揭穿|戳穿|辟谣|谣言|骗局|智商税|伪科学|别再信|别被忽悠|别上当"
    r"|[？?:：]\s*[^？?:：。!！]{0,2}(千万别|千万不要|千万不能|万万不可|绝对不要|别这样|不能这样)"
)
# A sentence ended inside a paragraph, and prose going on after it.
_INNER_SENTENCE = LazyRegex(r"[。！？!?][^\u4e00-\u9fa5]{0,3}[\u4e00-\u9fa5]{4}")
# A test or procedure named as the source of a finding (胃镜报告上写着…, CT结果显示…, 肠镜查出…):
# the title is about the result, not about having it done.
# A title that warns against taking two things together (X和Y，千万不能一起吃; 吃X别同时
# 喝Y): an interaction warning, neither is offered; the body must present them.
_TITLE_NOT_TOGETHER = LazyRegex(
    r"(不能|不可|不可以|不要|不宜|别|勿|切勿|禁止|避免|严禁|嚴禁)"
    r"(一起|同时|同時|同服|合用|混用|并用|併用|一块儿?|一塊|一同|搭配)"
)
# A title that asks whether someone already on a drug may take something else (吃X的父亲，
# 能喝Y吗？ 服用X期间可以吃Y吗？): the asker's question, answered by the body.
_ON_DRUG_ASKS = LazyRegex(
    r"(服用|服|吃|在吃|用|使用)[^\W_]{1,8}(期间|期間|的(人|患者|病人|老人|长辈|父亲|母亲|爸爸|妈妈"
    r"|爷爷|奶奶|外公|外婆|老伴|丈夫|妻子|老公|老婆|家人|孩子))[^？?。\n]{0,4}(能|可以|可不可以|能不能|可否)[^？?。\n]{0,12}[吗嗎]?[？?]"
)
# A substance measured in the body, not taken: a test before the name (体检睾酮没变化, 查了
# 维生素D) or a level after it (…偏低, …没变化, …水平正常).
_MEASURED_BEFORE = LazyRegex(r"(体检|體檢|化验|化驗|抽血|查了?|测了?|測了?)$")
_MEASURED_AFTER = LazyRegex(
    r"(水平|数值|數值|指标|指標|值)?(没变化|没有变化|沒變化|没变|不变|偏高|偏低|超标|正常|达标|不达标)"
)
_RESULT_AFTER = LazyRegex(
    r"(检查)?(报告|结果|单子|报告单|化验单|检查单|显示|提示|查出|发现|上写|里写)"
)
# A product page: a price or an order button right under the title, or a section on how
# to take it, how it is done or what it costs.
_PRODUCT_PAGE = LazyRegex(r"[¥￥]\s*[0-9]|立即购买|立即抢购|加入购物车|到手价")
# A pack size in the title (90粒装, 30袋装, 每盒60片): the title is a product listing.
_PACK_SIZE = LazyRegex(
    r"[0-9一二两三四五六七八九十百]+\s*(粒|片|袋|支|丸|包|贴|瓶|盒|只|副|个)\s*装"
    r"|每(盒|瓶|袋)\s*[0-9]+\s*(粒|片|袋|支|丸)"
    # a listing's net content (20g, 100ml) or its label (【商品】, 【详情页】, 商品详情), or the
    # section of a listing under it (· 买家评价, · 问大家: the buyers' words on the product)
    r"|[0-9]+(\.[0-9]+)?\s*(g|克|ml|毫升)(?![a-z])|【(商品|详情页?|宝贝)】|商品详情"
    r"|(买家|商品|宝贝|用户|累计)评价|(買家|商品|寶貝|用戶|累計)評價|买家秀|買家秀|问大家|問大家"
)
# A page that sells: an order button, a price per pack or an offer. On such a page the
# products it names are presented wherever the body names them (the same exclusions apply).
# (an order the writer has placed, 我下单了, is a purchase told, not an offer)
_SALES = LazyRegex(
    r"立即购买|立即抢购|加入购物车|(?<![我刚已])下单(?!了)|到手价|会场价|现场价|团购价|活动价|体验价"
    r"|原价\s*(?:hk\$|nt\$|mop\$|us\$|\$|港币|港元|新台币|澳门元)?\s*[0-9一二两三四五六七八九十]|只要[0-9]+元|私聊我|私信我|买[一二两三四五][盒瓶袋件罐套]?送[一二两三]"
    r"|学生价|新客价|首次体验价|限时价|特惠价|[0-9]+元起|分[0-9一二两三四五六十]+期[^，。,]{0,3}(付款|免息|0利息|零利息)|名额只剩|仅剩[0-9]+个?名额"
    r"|开团|拼团|拼单|零售价|拿货价|批发价|代理价|出厂价|货到付款|包邮|免邮"
    # (a shop's terms in Taiwan: 加購價, 滿千免運)
    r"|加购价|免运费?(?![^，。,]{0,2}(吗|嗎))"
    r"|[0-9]+(\.[0-9]+)?元\s*/\s*[盒瓶袋罐台支次条件套副个贴]"
    # a shop listing and its reviews (旗舰店, 宝贝评价, 买家秀, 已拼 10万+ 件; not 问大家,
    # which also opens a forum question), and offers in other words (拍三送一, 第二盒半价)
    r"|旗舰店|宝贝评价|商品评价|买家秀|回头客|已拼\s*[0-9]|已售\s*[0-9]|月销\s*[0-9]"
    r"|(天猫|京东|抖音|快手)(超市|自营|小店)|小黄车"
    r"|(拍|订|囤)[一二两三四五0-9][盒瓶袋件罐套]?送[一二两三0-9]|第二(盒|件|瓶|份|罐|袋|箱|套|杯)半价|专属价"
    # a stall's offer and its price per piece said unit first (买两盒再送一贴, 一贴十块)
    r"|买[一二两三四五0-9][盒瓶袋件罐套贴]?(再|还|另|多)送[一二两三0-9]"
    # (or the count alone, and a price in dollars by the pack: 三盒再送一包, 两盒$298; an
    # order taken by message or at the counter: WhatsApp落单, 门市落单)
    r"|[一二两三四五六七八九十0-9]+\s*[盒瓶袋罐套贴]\s*(再|还|另|多)送[一二两三0-9]"
    r"|[一二两三四五六七八九十0-9]+\s*[盒瓶袋罐套包]\s*\$\s*[0-9]"
    r"|(whatsapp|微信|电话|网上|网店|门市|门店|私讯|私信)\s*(落单|落柯打)"
    r"|[一每](贴|盒|瓶|罐|袋|包|副|套|斤)[一二两三四五六七八九十百千0-9]+(块|元)"
    # a price in another currency: RM688, S$98, HK$380
    r"|(?<![A-Za-z])(rm|s\$|sgd|hk\$|nt\$|mop\$|us\$|myr)\s*[0-9]"
    # a price in a currency by name (约 1200 万韩元, 1500 美元起), or a starting price in
    # tens of thousands (2.8万元起); a price per session with a space (299 元/次)
    r"|[0-9]+(\.[0-9]+)?\s*[万千]?\s*(日元|韩元|美元|欧元|英镑|泰铢|港币|港元|澳门元|新台币"
    r"|新加坡元|马币|令吉|澳元)|[0-9]+(\.[0-9]+)?\s*[万千]?\s*(人民币|元)\s*起"
    r"|[0-9]+(\.[0-9]+)?\s+元\s*/\s*[盒瓶袋罐台支次条件套副个贴]|套餐价|疗程价|优惠价"
    # a price by the pack, the unit first (一包30元, 三盒一个疗程 80 元, 每瓶 68 元)
    r"|[一两二三四五六七八九十每单][盒瓶袋包罐贴副套]([一两二三四五六七八九十]个疗程)?\s*[0-9]+(\.[0-9]+)?\s*元"
    # the same in Arabic digits with spaces (买 3 盒送 1 盒, 6 盒一个周期 699 元, 三盒装 258 元)
    r"|买\s*[0-9]+\s*[盒瓶袋件罐套贴]?\s*(再|还|另|多)?送\s*[0-9一二两三]"
    r"|[0-9一二两三四五六七八九十]+\s*[盒瓶袋包罐贴副套]\s*(一个|1\s*个)(疗程|周期)\s*[0-9]+(\.[0-9]+)?\s*元"
    r"|[0-9一二两三四五六七八九十]+\s*[盒瓶袋罐]装\s*[0-9]+(\.[0-9]+)?\s*元"
    # (or with the yuan sign: 两盒装 ¥168), and a time-limited offer (限时特惠, 限时优惠)
    r"|[0-9一二两三四五六七八九十]+\s*[盒瓶袋罐]装\s*[:：]?\s*[¥￥]\s*[0-9]"
    r"|限时(特惠|优惠|特价|秒杀|抢购)(?![^，。,]{0,2}(吗|嗎|[?？]))"
    # (or a gift for booking or ordering: 预约即送塑形衣, 下单即赠, 到店就送)
    r"|(预约|下单|到店|购买|报名|成交|付款|开卡)(即|就|立|再)(送|赠|贈)"
    # (a sales talk's bait for coming and sitting through it: 到场即送鸡蛋, 听课再领挂面)
    r"|(到场|签到|听课|参会|来听)(即|就|立|再)(送|赠|贈|领)"
    # a first visit's or a session package's price (首次上门298元, 首次體驗$388, 三次套餐
    # 880元)
    r"|首次(上门|体验|到店|试做|试用|体验价)[^，。,\n]{0,2}(hk\$|\$|[¥￥])?\s*[0-9]+"
    r"|[一二两三四五六七八九十0-9]+次(套餐|疗程|卡)(价)?\s*[:：]?\s*(hk\$|\$|[¥￥])?\s*[0-9]+"
    # a discount offered (享受首单八折, 全场七五折, 新客打 8 折)
    r"|(首单|首件|首盒|全场|限时|会员|新客|老客|享受?|打)[^，。,]{0,2}[0-9一二三四五六七八九]"
    r"(\.[0-9]|[一二三四五六七八九])?\s*折"
    # a shopping programme's call to order (现在拨打屏幕下方热线, 订购热线), and a deal by the
    # pack said as a count (三罐算你两罐的价)
    r"|(拨打|致电|打进)[^，。,\n]{0,10}(热线|订购电话)|订购(热线|电话)"
    r"|[一二两三四五六七八九十0-9]+\s*[盒瓶袋罐]算(你|您)?[一二两三四五六七八九十0-9]+\s*[盒瓶袋罐]"
    # the first pack's price and a gift for a count of packs (首盒19.9元, 三盒送台灯一台)
    r"|首(盒|瓶|袋|罐|单|件|疗程)\s*(仅|只要|只需)?\s*[0-9]+(\.[0-9]+)?\s*元"
    r"|(?<![0-9一二两三四五六七八九十])[一二两三四五六七八九十0-9]+\s*[盒瓶袋罐套]\s*(就|即)?送(?![给到去往达检医回])"
)
_SECTION_HEADING = LazyRegex(
    r"(?:^|\n)(?:[^\n]{0,6}[（(【])?(用法用量|用法与用量|食用方法|服用方法|使用方法|手术流程|治疗流程|验配流程"
    r"|价格|项目价格|会员价格|收费标准|价目表)[)）】]?\s*(?:\n|$)"
)
# A site's navigation bar: three or more short links between bars, one of them home.
_NAVIGATION = LazyRegex(
    r"(?=.*(首页|主页|首頁|主頁|返回首页|home|Home|HOME))"
    r"[^|｜\n]{1,10}(\s*[|｜/]\s*[^|｜\n]{1,10}){2,}"
)
# A section heading that labels a product: a colon or an opening quote before the name, or a
# seller's word for it (独家, 主推, 第一件); at most this many other characters.
_HEADING_LABEL = LazyRegex(
    r"[:：“\"「『]|独家|主推|力推|招牌|第[一二三四五六七八九十0-9]+(件|款|样|个)"
)
HEADING_LABEL_REST = 10
# A heading that names what a seller offers, then a colon, then the product (## 我们的核心
# 技术：新一代某某疗法, ## 本院王牌项目：某某术): the name ends the heading, a qualifier of at
# most HEADING_LABEL_REST characters before it (第四代, 升级版).
_OFFER_LABEL = LazyRegex(
    r"(核心|特色|王牌|主打|招牌|独家|明星|拳头|看家|主推|力推)(技术|疗法|项目|产品|服务|方案)"
    r"[^:：]{0,4}[:：]"
    # (or the clinic's own speciality: 我院特色：, 本中心王牌：)
    r"|(我院|本院|我们|本中心|我中心|本店|我店|本馆)(的)?(特色|王牌|主打|招牌|独家)[:：]"
)
# A label line in brackets that opens a paragraph: 【秘方一】, 【主推产品】, [招牌].
_BRACKET_LABEL = LazyRegex(r"[【\[〔][^】\]〕]{1,8}[】\]〕]")
# The paragraphs under a heading that names a treatment, searched for what offers it.
SECTION_REACH = 3
_HEADING_TOPIC = LazyRegex(
    r"说法|误区|谣言|辟谣|传言|网传|真相|关于|揭秘|曝光|骗局|吗|[？?]|是真是假|靠谱"
)
# A likeness right after a name (针刺样疼痛, 刀割般, 电击似的): the name describes a
# sensation.
# A drug someone is already on names who is concerned, not something offered: 正在服用X的人,
# 吃X的父亲, 服用X期间不要喝酒, 在吃X的患者 (the use verb before, the person or the stretch of
# time after, a class word's example in brackets between: 抗凝药（如X）的民众).
_ALREADY_ON_BEFORE = LazyRegex(
    r"(正在|正|在|一直在?|长期|長期|同时在?|同時在?|已经在?|已經在?)?"
    r"(服用|服|吃|用|使用|打|吃着|用着|吃著|用著)[^\W_]{0,8}[（(]?(如|比如|例如)?$"
)
_ALREADY_ON_AFTER = LazyRegex(
    r"[^，。,；;！？!?\n]{0,8}?[)）]?"
    r"(等药物|等藥物|等药|等藥)?(期间|期間|的(人|患者|病人|病友|老人|长辈|長輩|父亲|母亲|父親|母親"
    r"|爸爸|妈妈|媽媽|爷爷|奶奶|外公|外婆|老伴|丈夫|妻子|老公|老婆|家人|民众|民眾|市民|朋友|男性|女性"
    r"|孩子)|者(?![\u4e00-\u9fa5]))"
)
_SIMILE = LazyRegex(r"(样|状|般|似的)(?!品|本|板|式)")
# Something else taken as the treatment names the treatment as a likeness, not a use:
# 褪黑素可以当安眠药吃吗, 把维C当作感冒药用 (当 right before the name, a use verb after).
_TAKEN_AS = LazyRegex(r"(?<![相应适担充正便每])当(作|成|做)?$")
_TAKEN_AS_USE = LazyRegex(r"(来)?(吃|用|服|喝|使|服用|使用|涂|抹)")
# A food praised by likeness to a drug names no drug: 植物胰岛素 (苦瓜), 天然抗生素 (大蒜).
_EPITHET = LazyRegex(
    r"(植物|植物性|植物界的?|天然的?|蔬菜里的|蔬菜中的|水果里的|水果中的|餐桌上的)$"
)
# A speaker's label opening a line of a chat or an interview (**客服：**, 答：, 芊芊：).
_SPEAKER = LazyRegex(r"^[>\s*]*[^\s：:。！？\n]{1,8}[：:][\s*]*")
# An answer that says yes to a use (可以用的呢, 放心吃, 当然能喝).
_YES_USE = LazyRegex(
    r"[^。！？?!\n]{0,6}?(?<![不没])(可以|能|放心|完全可以|当然可以|当然能)"
    r"(?!不)(用|吃|喝|涂|抹|搽|喷|贴|服|做|给)"
    # or a bare yes (您好～当然可以！, 可以喔): the question named the use
    r"|[^。！？?!\n]{0,6}?(?<![不没])(当然可以|完全可以|绝对可以|当然能|当然得|可以的|可以喔|可以哦|可以呀|可以啊|得㗎|冇问题)"
    r"(?=[！!～~，,。\s]|$)"
)
# A page title made of keywords (阿莫西林价格_说明书_网上药店) says nothing of the body.
_SEO_TITLE = LazyRegex(r"[_|｜]| - ")
# A lead-in covers the list items after it: this many, each at most this long.
LIST_REACH = 12
LIST_ITEM = 200
HEADING = 40
_MARKED_HEADING = re.compile(r"\s*(#{1,6}\s|<h[1-6][\s>])", re.I)
_BOLD_LINE = re.compile(r"\s*(\*\*|__)[^*_\n]+(\*\*|__)\s*$")
# A product's ingredients: after their label, or short items set apart by dots.
_INGREDIENT_LABEL = LazyRegex(
    r"(主要原料|原料|原辅料|配料|配料表|主要成分|主要成份|成分|成份|核心成分|组方)[】\]]?\s*[:：】]"
)
_DOTTED_LIST = LazyRegex(
    r"\s*[^\s·•。！？!?，,；;]{2,12}(\s*[·•]\s*[^\s·•。！？!?，,；;]{2,12}){2,}\s*"
)
# The items of a list under a heading that offers them: at most this many.
LIST_REACH = 8
# Items of an inline list (甲、乙、丙) before a mention that share the first item's negation
# (没吃猪血、铁剂或铋剂), at most this many, each at most this long.
INLINE_ITEMS = 6
INLINE_ITEM = 8
# What may stand before the mention in its item: nothing, or another item and a conjunction
# (铁剂或铋剂).
_INLINE_LEAD = re.compile(r"\s*([\u4e00-\u9fa5A-Za-z0-9]{1,8}(或者|以及|或|和|及|与))?\s*")
_LIST_ITEM = re.compile(r"\s*([-*+](?=\s)|[•·]|[0-9]+[.、)）]|<li)")
_CLOSING = ("。", "！", "？", "!", "?", "；", ";", "…")
_BRACKETS = ")）]】」』”\"'’"
_CLAUSE_END = LazyRegex(r"[，,。；;：:！？!?\n]")
# A mention compared with: 跟X比, 和X相比, 与X比起来 (the other side of the comparison).
_COMPARED_WITH = LazyRegex(r"(跟|和|与|同)$")
_COMPARED = LazyRegex(r"(注射|治疗|手术|疗法)?(相比|比起来|比较起来|相比较|比(?![例率值重分]))")


@dataclass
class Finding:
    """A rule's verdict on a span of prose (or on a whole line when ``line`` is set)."""

    rule: Rule
    start: int = 0
    end: int = 0
    line: int | None = None
    detail: str = ""
    topic: str = ""
    raised: bool = False
    """Commercial context near the claim (C15): reported as an error."""


@dataclass
class Presentation:
    """Where an article presents a treatment of a topic profile."""

    topic: Topic
    start: int
    end: int


@dataclass
class Article:
    """One document with everything the checks need, computed once and lazily."""

    document: Document
    lexicon: ContextLexicon
    topics: list[Topic] = field(default_factory=list)
    topic_patterns: dict[str, Patterns] = field(default_factory=dict)
    uses: Patterns | None = None
    cautions: Patterns | None = None
    non_uses: Patterns | None = None
    non_uses_after: Patterns | None = None
    names: Names | None = None
    topic_router: Router | None = None
    """Wakes the topics whose triggers' literals an article holds (one per topic, in order)."""
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    """Data derived once per article and shared by the checks (keyed by what derives it)."""

    @cached_property
    def structure(self) -> TextStructure:
        return TextStructure(self.document.prose)

    @cached_property
    def context(self) -> Context:
        return Context(self.structure, self.lexicon)

    @property
    def text(self) -> str:
        return self.structure.text

    @cached_property
    def uses_words(self) -> frozenset[str]:
        return frozenset(self.uses.literals) if self.uses is not None else frozenset()

    @cached_property
    def _title_end(self) -> int:
        """The first paragraph; or its first line when lines follow it without a blank
        line (a plain-text transcript or chat log: one line each). A site's navigation
        bar (首页 | 产品 | 联系我们) is no title: the title is the paragraph after it."""
        paragraphs = self.structure.paragraphs
        if not paragraphs:
            return 0
        first, last = paragraphs[0]
        if len(paragraphs) > 1 and _NAVIGATION.fullmatch(self.text[first:last].strip()):
            first, last = paragraphs[1]
        newline = self.text.find("\n", first, last)
        if newline > first and self.text[newline:last].strip():
            return newline
        return last

    def title_end(self) -> int:
        return self._title_end

    @cached_property
    def names_found(self) -> list[tuple[int, int, str]]:
        """Every treatment name of the word classes, leftmost-longest, in text order
        (:meth:`whole_name` then tells a name from part of a longer word)."""
        if not self.names:
            return []
        return list(self.names.finditer(self.text))

    def whole_name(self, start: int, end: int) -> bool:
        """The name found at [start, end) is a word of the sentence, not part of one.

        A name must begin where jieba cuts the sentence (许多维生素 holds no 多维生素);
        a short one must end there too (成为快乐 holds no 为快乐).
        """
        tokens = self.structure.tokens(start)
        starts = {a for _, a, _ in tokens}
        # jieba may glue a one-character use verb to a name it does not know (用扎来|普隆,
        # 做磨骨): the name then begins right after the verb
        starts |= {a + 1 for word, a, _ in tokens if word[0] in _GLUED_VERBS and len(word) > 1}
        if end - start <= SHORT:
            # a salt jieba glued to the name's end (丙戊酸|钠 cut as 酸钠) ends it too
            ends = {b for _, _, b in tokens} | {b - 1 for w, _, b in tokens if w[-1] in _SALTS}
            return start in starts and end in ends
        return start in starts

    def _in_body(self, start: int, end: int) -> bool:
        """The title's name is named again in the body, whole or by its last characters
        (破壁灵芝孢子粉 then 孢子粉, 某某免疫细胞疗法 then 免疫细胞疗法)."""
        title_end = self.title_end()
        if title_end >= len(self.text.rstrip()):
            return True
        name = self.text[start:end]
        return any(
            self.text.find(name[cut:], title_end) >= 0
            for cut in range(max(1, len(name) - NAME_TAIL + 1))
        )

    def _title_presents(self, start: int, end: int) -> bool:
        """The title presents what it is about: the name alone (# 布洛芬), or the name
        framed as something to use (服用异维A酸须知, 布洛芬的正确吃法), or a name the body
        names again. A page title made of keywords (…价格_说明书_网上药店) or a title that
        names it in passing presents nothing: the body must then present it.
        """
        first, last = self.structure.sentence_at(start)
        if len(_SEO_TITLE.findall(self.document.prose[first:last])) >= 2:
            return False
        if _QUESTION.search(self.text[first:last]):
            return False  # 注射了过期疫苗会怎样？ 某药能治吗？ the body must present it
        if _ASKER.match(self.text):
            return False  # 问：我在吃某药，能…吗？ the asker's message: the reply must present it
        if self.non_uses is not None and self.non_uses.search(self.text, first, start):
            return False  # 告别胰岛素, 不用吃药: the title rejects it
        if _TITLE_NOT_TOGETHER.search(self.text, first, last):
            return False  # X和Y千万不能一起吃: an interaction warning offers neither
        if _ON_DRUG_ASKS.search(self.text, first, last):
            return False  # 吃X的父亲，能喝Y吗？ the asker's question
        if _RESULT_AFTER.match(self.text, end):
            return False  # 胃镜报告上写着…: a result, the body must present the procedure
        if _MEASURED_BEFORE.search(self.text, max(first, start - 3), start) or (
            _MEASURED_AFTER.match(self.text, end)
        ):
            return False  # 体检睾酮没变化: a level measured, the body must present the drug
        if _TITLE_DEBUNKS.search(self.text, 0, self.title_end()) and not self.sells:
            return False  # 某某能排毒？帮你拆穿: a claim taken apart, the body must offer it
        title = re.sub(r"[\W_]", "", self.text[first:last])
        if len(title) - (end - start) <= 4:
            return True
        if self.context.negated(start) or self._compared(start, end):
            return False
        if self.used_near(start, end) or _TITLE_FRAME.search(self.text, first, last):
            return True
        bar = _TITLE_BAR.search(self.text, end, last)
        if bar is not None and not _TITLE_BAR.search(self.text, first, start):
            head = re.sub(r"[\W_]", "", self.text[first : bar.start()])
            if len(head) - (end - start) <= 4 and not _SLOGAN_DOUBTS.search(
                self.text, bar.end(), last
            ):
                return True  # 某某细胞疗法 | 唤醒身体的…: the name heads the title, a slogan after
        if _PACK_SIZE.search(self.text, first, last):
            return True  # 某某软胶囊 90粒装: a product listing's title
        if _TITLE_USE.search(self.text, max(first, start - 4), start):
            return True  # 打瘦脸针前要知道什么, 吃某药能喝茶吗
        return self._in_body(start, end) or self._product_page() or self.sells

    def _heading_names(self, start: int, end: int) -> bool:
        """A section heading that is the product's label (## 重点来了：它家的“某某酥”,
        ## 第一件：某某软糖, <h2>本店独家“某某疗程”</h2>) presents it, as a title does."""
        paragraph = self.structure.paragraph_at(start)
        if self._label_line_names(paragraph, start):
            return True
        if not self.is_heading(paragraph):
            return False
        heading = self.text[paragraph[0] : paragraph[1]]
        bare = re.sub(r"[\W_]", "", heading)
        asked = re.search(r"[?？吗呢么]", heading) is not None
        if not asked and len(bare) - (end - start) <= 1 and self._section_uses(paragraph):
            return True  # ## 某某灌洗术 / 我院开展…: a section on the treatment that offers it
        offer = _OFFER_LABEL.search(heading)
        if (
            offer is not None
            and offer.end() <= start - paragraph[0]
            and not re.sub(r"[\W_]", "", heading[end - paragraph[0] :])
            and len(re.sub(r"[\W_]", "", heading[offer.end() : start - paragraph[0]]))
            <= HEADING_LABEL_REST
            and not _HEADING_TOPIC.search(heading)
        ):
            return True  # ## 本院的招牌项目：升级版某某疗法
        label = _HEADING_LABEL.search(heading)
        if _HEADING_TOPIC.search(heading):
            return False  # 说法4：“某某膏三天清零”, 关于“神奇疗法”: a claim examined, not a product
        if label is None or label.end() > start - paragraph[0] + 2:
            return False
        rest = re.sub(r"[\W_]", "", heading[: start - paragraph[0]] + heading[end - paragraph[0] :])
        return len(rest) <= HEADING_LABEL_REST and not self.context.negated(start)

    def _label_line_names(self, paragraph: tuple[int, int], start: int) -> bool:
        """A bracketed label line that opens a paragraph and names the product (【秘方一】某某膏,
        【主推】某某茶), with lines under it that say how to use it (涂上三天, 每日一袋)."""
        first, last = paragraph
        newline = self.text.find("\n", first, last)
        if newline < 0 or start >= newline or self.uses is None:
            return False
        line = self.text[first:newline].strip()
        if len(line) > HEADING or not _BRACKET_LABEL.match(line) or line.endswith(_CLOSING):
            return False
        if self.cautions is not None and self.cautions.search(self.text, first, last):
            return False  # 【禁忌】对某某过敏者禁用: a label's caution, not an offer
        if self.context.negated(start):
            return False
        return self.uses.search(self.text, newline, last) is not None

    def _section_uses(self, heading: tuple[int, int]) -> bool:
        """A paragraph of the first few under a heading has a use frame (我院开展…, 每次…)
        and no contraindication language."""
        paragraphs = self.structure.paragraphs
        at = self.structure.paragraph_index(heading[0]) + 1
        if self.uses is None:
            return False
        for first, last in paragraphs[at : at + SECTION_REACH]:
            if self.is_heading((first, last)):
                return False
            if self.cautions is not None and self.cautions.search(self.text, first, last):
                continue
            if self.uses.search(self.text, first, last) is not None:
                return True
        return False

    def _compared(self, start: int, end: int) -> bool:
        """The mention is what something else is compared with: 跟X比, 和X相比."""
        return bool(_COMPARED.match(self.text, end)) and bool(
            _COMPARED_WITH.search(self.text, max(0, start - 1), start)
        )

    def _product_page(self) -> bool:
        """The title names a product sold or dosed on the page (¥159 立即购买 under it,
        or a 用法用量 section)."""
        title_end = self.title_end()
        if _PRODUCT_PAGE.search(self.text, title_end, title_end + 2 * USE_REACH):
            return True
        return _SECTION_HEADING.search(self.text, title_end) is not None

    def cautious(self, position: int) -> bool:
        """The sentence at ``position`` says who must not, or must carefully, use something."""
        if self.cautions is None:
            return False
        first, last = self.structure.sentence_at(position)
        return self.cautions.search(self.text, first, last) is not None

    @cached_property
    def caution_spans(self) -> list[tuple[int, int]]:
        return self.statement_spans(self.cautions)

    @cached_property
    def caution_items(self) -> list[tuple[int, int]]:
        """The list items (- …, 1. …, <li>) under a contraindication lead-in or heading,
        and the items a lead-in runs on to in its own paragraph (以下情况不适合…：A；B；C。)."""
        return [
            (first, last)
            for first, last in self.statement_spans(self.cautions, items_only=True)
            if self.is_list_item(first)
        ] + self._inline_items(self.cautions)

    def _inline_items(self, patterns: Patterns | None) -> list[tuple[int, int]]:
        """The sentences after a lead-in with contraindication language that runs its list
        on after a colon, item by item to a semicolon (…不适合灌肠复位，需要手术：病程较长；
        已经出现休克；复位失败。): each later item of the paragraph, to the one that closes."""
        if patterns is None:
            return []
        sentences = self.structure.sentences
        spans: list[tuple[int, int]] = []
        for a, _ in patterns.finditer(self.text):
            index = self.structure.sentence_index(a)
            first, last = sentences[index]
            colon = max(self.text.rfind(":", a, last), self.text.rfind("：", a, last))
            if colon < 0 or not self.text[first:last].rstrip().endswith((";", "；")):
                continue
            paragraph = self.structure.paragraph_index(first)
            for item_first, item_last in sentences[index + 1 : index + 1 + LIST_REACH]:
                if self.structure.paragraph_index(item_first) != paragraph:
                    break
                spans.append((item_first, item_last))
                if not self.text[item_first:item_last].rstrip().endswith((";", "；")):
                    break
        return spans

    def is_list_item(self, position: int) -> bool:
        line = self.document.span(position, position + 1)[0]
        return _LIST_ITEM.match(self.document.source_line(line)) is not None

    def statement_spans(
        self, patterns: Patterns | None, items_only: bool = False
    ) -> list[tuple[int, int]]:
        """Where the article says who must not or must carefully use something.

        A paragraph with contraindication language (``cautions``) is such a statement;
        so are the short list items after a sentence of it that leads in (ends with a
        colon, or stands alone as a heading: 这几类人先别做).
        """
        spans: list[tuple[int, int]] = []
        if patterns is None:
            return spans
        sentences = self.structure.sentences
        # one search over the text: the sentences that hold a match
        hits = {self.structure.sentence_index(a) for a, _ in patterns.finditer(self.text)}
        index = 0
        while index < len(sentences):
            first, last = sentences[index]
            index += 1
            if index - 1 not in hits:
                continue
            paragraph = self.structure.paragraph_at(first)
            if not items_only:
                spans.append(paragraph)  # the statement: its paragraph (另外，…患者也一样)
            if self.is_heading(paragraph) or self._bold_line(paragraph):
                # a heading (这几类人先别做, **哪些人不适合？**) covers its section, to the
                # next heading
                for section in self.structure.paragraphs[
                    self.structure.paragraph_index(first) + 1 :
                ]:
                    if self.is_heading(section):
                        break
                    spans.append(section)
                continue
            if not self.text[first:last].rstrip().endswith((":", "：")):
                continue
            for item_first, item_last in sentences[index : index + LIST_REACH]:
                if item_last - item_first > LIST_ITEM:
                    break
                spans.append((item_first, item_last))
                index += 1
        return spans

    def _bold_line(self, paragraph: tuple[int, int]) -> bool:
        """A paragraph that is one bold line (**哪些人不适合？**), a label over what follows."""
        line = self.document.span(paragraph[0], paragraph[0] + 1)[0]
        return _BOLD_LINE.match(self.document.source_line(line)) is not None

    def _list_item(self, paragraph: tuple[int, int]) -> bool:
        line = self.document.span(paragraph[0], paragraph[0] + 1)[0]
        return _LIST_ITEM.match(self.document.source_line(line)) is not None

    def is_heading(self, paragraph: tuple[int, int]) -> bool:
        """A short paragraph without closing punctuation: a heading or a label line."""
        body = self.text[paragraph[0] : paragraph[1]].strip()
        if not 0 < len(body) <= HEADING or "\n" in body:
            return False
        line = self.document.span(paragraph[0], paragraph[0] + 1)[0]
        source = self.document.source_line(line)
        if _MARKED_HEADING.match(source):
            return True  # ## 谁不能用？ or <h2>…</h2>, even with a question mark
        if body.rstrip(_BRACKETS).endswith((*_CLOSING, ":", "：")):
            return False  # a sentence (in brackets too: （她发着高烧。）), or a lead-in
        if _INNER_SENTENCE.search(body):
            return False  # 总觉得胸闷？点这里领券👉: a sentence, then more prose, is no label
        return not _LIST_ITEM.match(source)

    def in_caution(self, start: int) -> bool:
        return any(first <= start < last for first, last in self.caution_spans)

    def presents(self, start: int, end: int, topic: Topic | None = None) -> bool:
        """The treatment at [start, end) is the subject (title) or is recommended for use.

        A title presents what the body names again. In the body, a mention in a
        sentence that warns against use (禁用, 不宜…, ``cautions``), that negates or
        asks, that compares, rejects or recalls it (``non_uses`` before it: 比, 告别,
        停用, 曾服用), that counts or combines it (``non_uses_after``: …的发生率,
        …合用), or whose sentence has no use verb near it (``uses``) presents nothing.
        """
        if _SIMILE.match(self.text, end):
            return False  # 针刺样疼, 针扎般的痛: a sensation likened to it, not a treatment
        if _TAKEN_AS.search(self.text, max(0, start - 3), start) and _TAKEN_AS_USE.match(
            self.text, end
        ):
            return False  # 可以当安眠药吃吗: another product taken as it
        if topic is not None and _EPITHET.search(self.text, max(0, start - 5), start):
            return False  # 植物胰岛素: a food's nickname, not the drug
        if self._already_on(start, end):
            return False  # 正在服用X的人, 服用X期间: the people on it, not an offer of it
        if start < self.title_end():
            return self._title_presents(start, end)
        if self._ingredient_line(start):
            return False  # 【主要原料】鱼油、明胶 / 深海鱼油 · 纳豆激酶: what a product holds
        if self._heading_names(start, end):
            return True
        question_end = self.structure.sentence_at(start)[1]
        if self._answered_yes(question_end) and self.context.question(start):
            return not self.cautious(start)  # 能用吗？ 客服：可以用的呢
        # the cheap pattern checks first; negation and questions need jieba's tokens
        if not (self.used_near(start, end) or self.sells) or self.cautious(start):
            return False
        if any(first <= start < last for first, last in self.caution_items):
            return False  # a list item under 以下情况不宜服用： names who must not use it
        first, last = self.structure.sentence_at(start)
        if self.non_uses is not None and self.non_uses.search(self.text, first, start):
            return False
        if self._compared(start, end):
            return False
        if self.non_uses_after is not None:
            clause = _CLAUSE_END.search(self.text, end, last)
            if self.non_uses_after.search(self.text, end, clause.start() if clause else last):
                return False
        if _HEARSAY.search(self.text, first, start) or self._belief_item(start):
            return False
        if _FORWARDED.search(self.text, self.text.rfind("\n", 0, start) + 1, start):
            return False
        return not (
            self.context.negated(start)
            or self._negated_in_list(start)
            or (self.context.question(start) and not self._carer_offers(first, start, last))
            or self._debunked(start, end)
        )

    def _already_on(self, start: int, end: int) -> bool:
        """The mention names a drug the people concerned are already taking (正在服用X的人,
        吃X的父亲, 服用X期间): they are who the sentence is about, it offers nothing."""
        first, last = self.structure.sentence_at(start)
        return (
            _ALREADY_ON_BEFORE.search(self.text, max(first, start - 12), start) is not None
            and _ALREADY_ON_AFTER.match(self.text, end, last) is not None
        )

    def _negated_in_list(self, start: int) -> bool:
        """The mention is a later item of an inline list whose first item is negated
        (如果没吃猪血、铁剂或铋剂: none of them was taken); the list's 、 ends a clause, so
        the negator before the first item does not reach the others by itself."""
        text = self.text
        clause = self.structure.clause_start(start)
        if not _INLINE_LEAD.fullmatch(text, clause, start):
            return False  # 没吃早饭、空腹吃铁剂: an item with its own verb is its own clause
        for _ in range(INLINE_ITEMS):
            if clause <= 0 or text[clause - 1] != "、":
                return False
            earlier = self.structure.clause_start(clause - 1)
            words = [
                a
                for _, a, b in self.structure.tokens(earlier)
                if earlier <= a and b <= clause - 1
            ]
            if not words:
                return False
            if self.context.negated(words[-1]):
                return True
            if clause - 1 - earlier > INLINE_ITEM:
                return False  # a long item is a clause of its own, not a list's
            clause = earlier
        return False

    def _carer_offers(self, first: int, start: int, last: int) -> bool:
        """A carer will put the treatment at ``start`` to the patient (调度员会问是否需要
        嚼服X): an offer of it, unless the sentence itself ends by asking."""
        return _CARER_OFFERS.search(self.text, first, start) is not None and not (
            self.text[first:last].rstrip().endswith(("?", "？", "吗", "呢"))
        )

    def _ingredient_line(self, start: int) -> bool:
        """The mention is on a line that lists a product's ingredients: after a label
        (【主要原料】, 配料：) or among short items set apart by dots (鱼油 · 银杏叶提取物)."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        if _INGREDIENT_LABEL.search(text, line_start, start):
            return True
        return _DOTTED_LIST.fullmatch(text, line_start, line_end) is not None

    def _answered_yes(self, question_end: int) -> bool:
        """A question about using it (两岁孩子能用吗？) answered yes by the next line, after
        a speaker's label (客服：可以用的呢，滴两滴…): the answer offers it."""
        answer = _SPEAKER.sub("", self.text[question_end : question_end + 60].lstrip(), count=1)
        return _YES_USE.match(answer) is not None

    def _belief_item(self, start: int) -> bool:
        """The mention is inside a quoted belief that opens its line and is answered after
        a dash or a colon, in a list under a heading that names beliefs (误区, 说法)."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        opening = _BELIEF_ITEM.match(text, line_start, start)
        if opening is None:
            return False
        answer = _BELIEF_ANSWER.search(text, start, line_end)
        if answer is None or re.search(r"[\"”」』’]", text[opening.end() : answer.start()]):
            return False
        above = text[max(0, line_start - 600) : line_start].split("\n")[:-1]
        seen = 0
        for line in reversed(above):
            line = line.strip()
            if not line:
                continue
            seen += 1
            if seen > BELIEF_REACH:
                return False
            if _BELIEF_ITEM.match(line):
                continue  # another belief of the list
            return len(line) <= 30 and _BELIEF_HEADING.search(line) is not None
        return False

    def _debunked(self, start: int, end: int) -> bool:
        """The sentence names the treatment in a rumour it debunks (网传…, …是谣言);
        a one-character mark (❌, ×) counts only where it opens the sentence."""
        first, last = self.structure.sentence_at(start)
        before, after = self.text[first:start], self.text[end:last]
        return any(
            before.lstrip().startswith(p) if len(p) == 1 else p in before
            for p in self.lexicon.debunk_before
        ) or any_phrase_in(self.lexicon.debunk_after, after)

    @cached_property
    def sells(self) -> bool:
        return _SALES.search(self.text) is not None

    def used_near(self, start: int, end: int) -> bool:
        """A use frame near the mention in its sentence, or opening the next sentence of
        its paragraph when the mention ends its own (…就是X。睡前两粒。)."""
        if self.uses is None:
            return False
        first, last = self.structure.sentence_at(start)
        near = max(first, start - USE_REACH), min(last, end + USE_REACH)
        if self.uses.search(self.text, *near) is not None:
            return True
        if self._under_use_heading(first, start) or self._row_uses(start):
            return True
        if last - end > USE_REACH // 2:
            return False
        index = self.structure.sentence_index(start) + 1
        if index >= len(self.structure.sentences):
            return False
        following, following_end = self.structure.sentences[index]
        if self.structure.paragraph_index(following) != self.structure.paragraph_index(start):
            return False
        reach = min(following_end, following + USE_REACH // 2)
        return self.uses.search(self.text, following, reach) is not None

    def _row_uses(self, start: int) -> bool:
        """In a Markdown table, the mention's row says how to use it (| 布洛芬 | 发热时一次
        一片 |): each cell reads as its own paragraph, the row is one record."""
        assert self.uses is not None
        line = self.document.span(start, start + 1)[0]
        if not self.document.source_line(line).lstrip().startswith("|"):
            return False
        paragraphs = self.structure.paragraphs
        first = last = self.structure.paragraph_index(start)

        def on_line(index: int) -> bool:
            at = paragraphs[index][0]
            return self.document.span(at, at + 1)[0] == line

        while first > 0 and on_line(first - 1):
            first -= 1
        while last + 1 < len(paragraphs) and on_line(last + 1):
            last += 1
        return self.uses.search(self.text, paragraphs[first][0], paragraphs[last][1]) is not None

    def _under_use_heading(self, first: int, start: int) -> bool:
        """The sentence opens the paragraph right under a heading that offers what it
        lists (## 擅长, ## 特色项目), or a later item of a list there that the name opens."""
        at = self.structure.paragraph_index(first)
        paragraphs = self.structure.paragraphs
        if not at or paragraphs[at][0] != first or self.uses is None:
            return False
        # (a later item of a list right under the heading: ## 特色技术 / - 甲 / - 乙)
        opens = not re.sub(r"[\W_]", "", self.text[first:start])
        if opens and self._list_item(paragraphs[at]):
            above = at
            while above > 1 and at - above < LIST_REACH and self._list_item(paragraphs[above - 1]):
                above -= 1
            at = above
        heading = paragraphs[at - 1]
        if not self.is_heading(heading) or self.uses.search(self.text, *heading) is None:
            return False
        # (## 不建议使用的药物 warns, it offers nothing)
        return self.cautions is None or self.cautions.search(self.text, *heading) is None

    @cached_property
    def presentations(self) -> list[Presentation]:
        """Each topic the article presents, at its first presenting mention.

        When the title presents treatments, they are the article's subject: other
        treatments in the body are context (comparisons, interactions), not presented.
        """
        found = []
        title_end = self.title_end()
        topics = self.topics
        if self.topic_router is not None:
            topics = [topics[i] for i in self.topic_router.woken(self.text)]
        for topic in topics:
            end_at = title_end if topic.subject_only else None
            other = self.topic_patterns.get(f"{topic.id}#other")
            if other and other.search(self.text, 0, title_end):
                continue  # the title puts the substance to another use (a knee injection)
            for start, end in self.topic_patterns[topic.id].finditer(self.text, 0, end_at):
                if other and other.search(self.text, *self.structure.sentence_at(start)):
                    continue  # so does the mention's sentence
                if self.presents(start, end, topic):
                    found.append(Presentation(topic, start, end))
                    break
        if any(p.start < title_end for p in found):
            found = [p for p in found if p.start < title_end]
        return sorted(found, key=lambda p: p.start)


class Check:
    """A compiled rule. Subclasses implement :meth:`run`."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def words(self) -> list[str]:
        """Literal phrases jieba should keep whole."""
        return []

    def wakes(self) -> tuple[frozenset[int], bool]:
        """The literal ids (:mod:`.patterns`) one of which an article must hold for this
        check to find anything, and whether it runs on every article regardless."""
        return frozenset(), True

    def run(self, article: Article) -> list[Finding]:
        raise NotImplementedError
