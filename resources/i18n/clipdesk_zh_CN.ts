<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BaseUrls</name>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="21"/>
        <source>DashScope (Alibaba Cloud Bailian), Beijing</source>
        <translation>DashScope（阿里云百炼），北京</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="25"/>
        <source>DashScope international, Singapore (its own keys)</source>
        <translation>DashScope 国际版，新加坡（密钥单独申请）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="29"/>
        <source>PixVerse Platform API</source>
        <translation>PixVerse 开放平台 API</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="31"/>
        <source>OpenAI</source>
        <translation>OpenAI 官方</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="39"/>
        <source>Through a gateway: its address with the prefix it relays DashScope under, e.g. https://gateway.example/alibailian</source>
        <translation>经由网关：填写网关地址并带上它转发 DashScope 所用的前缀，例如 https://gateway.example/alibailian</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="45"/>
        <source>Through a gateway: its address without /v1, e.g. https://gateway.example</source>
        <translation>经由网关：填写网关地址，不带 /v1，例如 https://gateway.example</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="49"/>
        <source>The gateway&apos;s address without /api, e.g. https://gateway.example</source>
        <translation>网关地址，不带 /api，例如 https://gateway.example</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <location filename="../../gui/batch.py" line="107"/>
        <source>Overrides not understood: %1</source>
        <translation>无法识别覆盖参数：%1</translation>
    </message>
    <message>
        <location filename="../../gui/batch.py" line="119"/>
        <source>Image not found: %1</source>
        <translation>找不到图片：%1</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="57"/>
        <source>Batch</source>
        <translation>批量生成</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="59"/>
        <source>A &amp;folder of images</source>
        <translation>图片文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="60"/>
        <source>A &amp;CSV file: image, prompt, overrides</source>
        <translation>CSV 文件：图片, 提示词, 覆盖参数(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="66"/>
        <source>Folder or CSV file</source>
        <translation>文件夹或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="67"/>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="70"/>
        <source>Each image or row becomes a task with the form&apos;s current connection, model and settings. CSV overrides look like duration=5;resolution=720p;seed=7.</source>
        <translation>每张图片或每一行生成一个任务，使用左侧表单当前的连接、模型和参数。CSV 中的覆盖参数写法如 duration=5;resolution=720p;seed=7。</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="77"/>
        <source>Tasks in the batch</source>
        <translation>本批任务</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Overrides</source>
        <translation>覆盖参数</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="90"/>
        <source>&amp;Queue</source>
        <translation>加入队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="123"/>
        <source>Folder of images</source>
        <translation>图片文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="126"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="126"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="150"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="174"/>
        <source>OK</source>
        <translation>可以生成</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="180"/>
        <source>price unknown — set it in Settings</source>
        <translation>价格未知——请在设置中填写</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="192"/>
        <source>Choose a folder of images or a CSV file.</source>
        <translation>请选择一个图片文件夹或 CSV 文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/batch_dialog.py" line="195"/>
        <source>%n task(s) will be queued on “%1” with %2 (%3 per row).</source>
        <translation>
            <numerusform>将在“%1”上用 %2 排队 %n 个任务（每行 %3 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/batch_dialog.py" line="202"/>
        <source>%n row(s) with problems will be skipped.</source>
        <translation>
            <numerusform>有问题的 %n 行将被跳过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/batch_dialog.py" line="206"/>
        <source>&amp;Queue %n task(s)</source>
        <translation>
            <numerusform>加入队列：%n 个任务(&amp;Q)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="204"/>
        <source>Estimated total: %1</source>
        <translation>预估总计：%1</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <location filename="../../gui/views/compare_view.py" line="69"/>
        <source>Compare %n video(s)</source>
        <translation>
            <numerusform>比较 %n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="70"/>
        <source>Compare videos</source>
        <translation>比较视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="95"/>
        <source>Playback unavailable</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="98"/>
        <source>Video %1</source>
        <translation>视频 %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="106"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="107"/>
        <source>Keep video %1</source>
        <translation>保留视频 %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="123"/>
        <source>Play or pause all (Space)</source>
        <translation>全部播放或暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="124"/>
        <source>One frame back (←)</source>
        <translation>后退一帧（←）</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="125"/>
        <source>One frame on (→)</source>
        <translation>前进一帧（→）</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="127"/>
        <source>Full screen (F)</source>
        <translation>全屏（F）</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="130"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="136"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="141"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="142"/>
        <source>Start again at the end (L)</source>
        <translation>播完后从头再放（L）</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="163"/>
        <source>Keep the checked, move the rest to the trash</source>
        <translation>保留勾选的，其余移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="152"/>
        <source>Wipe</source>
        <translation>划像对比</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="153"/>
        <source>One over the other, split where you drag (W)</source>
        <translation>上下叠放，在拖动处分割（W）</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="165"/>
        <source>Compare the checked</source>
        <translation>比较勾选的</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="166"/>
        <source>Two to four checked videos side by side</source>
        <translation>将勾选的 2 到 4 个视频并排比较</translation>
    </message>
</context>
<context>
    <name>Cost</name>
    <message>
        <location filename="../../gui/texts.py" line="346"/>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="354"/>
        <source>Charged: %1</source>
        <translation>已扣费：%1</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="359"/>
        <source>Cost unknown</source>
        <translation>费用未知</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="356"/>
        <source>Estimate: %1</source>
        <translation>预估：%1</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="352"/>
        <source>Not charged</source>
        <translation>未扣费</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="373"/>
        <source>Balance: %1</source>
        <translation>余额：%1</translation>
    </message>
</context>
<context>
    <name>CrashBox</name>
    <message>
        <location filename="../../gui/crash.py" line="280"/>
        <source>ClipDesk ran into an unexpected error.</source>
        <translation>ClipDesk 遇到了意外错误。</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="284"/>
        <source>A report was saved. It holds no API keys or images, so you can send it along when you describe what happened.</source>
        <translation>已保存一份错误报告。报告中不含 API 密钥和图片，描述问题时可以一并发送。</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="291"/>
        <source>&amp;Open report</source>
        <translation>打开报告(&amp;O)</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../gui/views/library_details.py" line="32"/>
        <source>Video details</source>
        <translation>视频详情</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="36"/>
        <source>Select a video to see how it was made.</source>
        <translation>选择一个视频，查看它是如何生成的。</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="43"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="44"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="45"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="46"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="47"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="48"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="49"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="50"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="51"/>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="52"/>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="53"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="54"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_details.py" line="91"/>
        <source>%n video(s) of one prompt</source>
        <translation>
            <numerusform>同一提示词的 %n 个视频</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorKind</name>
    <message>
        <location filename="../../gui/texts.py" line="69"/>
        <source>API key refused</source>
        <translation>API 密钥被拒绝</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="70"/>
        <source>Insufficient balance</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="72"/>
        <source>Blocked by content moderation</source>
        <translation>未通过内容审核</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="73"/>
        <source>Not valid for this model</source>
        <translation>此模型不接受该请求</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="74"/>
        <source>Rate limited, waiting</source>
        <translation>请求过于频繁，正在等待</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="75"/>
        <source>Provider unreachable</source>
        <translation>无法连接服务商</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="76"/>
        <source>The provider failed to generate</source>
        <translation>服务商生成失败</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="77"/>
        <source>Expired at the provider</source>
        <translation>已在服务商处过期</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="78"/>
        <source>Task unknown to the provider</source>
        <translation>服务商找不到此任务</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="79"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="80"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="87"/>
        <source>The API key was refused. Check the key in Settings → Connections.</source>
        <translation>API 密钥被拒绝。请在“设置 → 连接”中检查密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="90"/>
        <source>The account has insufficient balance or quota for this generation.</source>
        <translation>账户余额或额度不足，无法完成本次生成。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="98"/>
        <source>The provider&apos;s content moderation rejected the prompt, an image or the result.</source>
        <translation>服务商的内容审核拒绝了提示词、图片或生成结果。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="101"/>
        <source>The provider says the request is not valid for this model.</source>
        <translation>服务商表示该请求不适用于此模型。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="104"/>
        <source>The provider is limiting requests; ClipDesk waits and tries again.</source>
        <translation>服务商正在限制请求频率，ClipDesk 会稍候自动重试。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="107"/>
        <source>The provider could not be reached. Check the network and proxy.</source>
        <translation>无法连接服务商。请检查网络和代理设置。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="110"/>
        <source>The provider failed to generate the video.</source>
        <translation>服务商未能生成视频。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="111"/>
        <source>The task or its result link has expired at the provider.</source>
        <translation>任务或其结果链接已在服务商处过期。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="112"/>
        <source>The provider does not know this task.</source>
        <translation>服务商那里没有这个任务。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="113"/>
        <source>The task was cancelled.</source>
        <translation>任务已取消。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="114"/>
        <source>Something unexpected happened.</source>
        <translation>发生了意外情况。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="71"/>
        <source>Over a spending cap</source>
        <translation>超出花费上限</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="93"/>
        <source>This generation would pass a spending cap, so nothing was sent. Raise the cap in Settings → Connections, or wait for a new day or month.</source>
        <translation>这次生成会超出花费上限，因此没有发送任何请求。请在“设置 → 连接”中提高上限，或等到新的一天或新的一月。</translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <location filename="../../gui/views/story.py" line="73"/>
        <source>Family and chain</source>
        <translation>家族与链</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="77"/>
        <source>Family</source>
        <translation>家族</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>How it came</source>
        <translation>来源方式</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="102"/>
        <source>Chain</source>
        <translation>链</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="108"/>
        <source>&amp;Extend chain</source>
        <translation>延续链(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="110"/>
        <source>A new clip starting on the last frame of the chain&apos;s last clip</source>
        <translation>以链中最后一段的最后一帧开始新片段</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="114"/>
        <source>&amp;Join chain…</source>
        <translation>拼接链(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="117"/>
        <source>&amp;Compare chain</source>
        <translation>比较链(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="129"/>
        <source>Family (%n video(s))</source>
        <translation>
            <numerusform>家族（%n 个视频）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="131"/>
        <source>Chain, in playing order (%n clip(s))</source>
        <translation>
            <numerusform>链，按播放顺序（%n 段）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Frame</name>
    <message>
        <location filename="../../gui/frame.py" line="98"/>
        <location filename="../../gui/frame.py" line="155"/>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="99"/>
        <location filename="../../gui/frame.py" line="156"/>
        <source>&amp;Library</source>
        <translation>视频库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="141"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="142"/>
        <source>&amp;Batch…</source>
        <translation>批量(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="144"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="147"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="150"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="154"/>
        <source>&amp;Generate form</source>
        <translation>生成表单(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="157"/>
        <source>&amp;Player</source>
        <translation>播放器(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="165"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="166"/>
        <source>&amp;About ClipDesk</source>
        <translation>关于 ClipDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="135"/>
        <source>%1: not played yet</source>
        <translation>%1：尚未播放</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="136"/>
        <source>Library</source>
        <translation>视频库</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="137"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>GeneratePanel</name>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="121"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="123"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="130"/>
        <source>Generation mode</source>
        <translation>生成方式</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="131"/>
        <source>First frame</source>
        <translation>首帧</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="132"/>
        <source>Last frame</source>
        <translation>尾帧</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="134"/>
        <source>Reference images</source>
        <translation>参考图</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="137"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="138"/>
        <source>Describe the video: subject, action, camera, mood…</source>
        <translation>描述视频：主体、动作、镜头、氛围……</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="143"/>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="144"/>
        <source>What the video should not show</source>
        <translation>不希望在视频中出现的内容</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="152"/>
        <source>Number of videos</source>
        <translation>生成数量</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="153"/>
        <source>Make several videos from the same settings, each with its own seed</source>
        <translation>用相同设置生成多个视频，每个使用不同的种子</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="157"/>
        <source>What is missing</source>
        <translation>还缺少什么</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="160"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="163"/>
        <source>Generate (Ctrl+Enter)</source>
        <translation>生成（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="171"/>
        <source>&amp;Batch…</source>
        <translation>批量(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="173"/>
        <source>Queue one task per image in a folder, or per line of a CSV file</source>
        <translation>为文件夹中的每张图片或 CSV 文件的每一行各排一个任务</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="178"/>
        <source>C&amp;onnection:</source>
        <translation>连接(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="179"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="183"/>
        <source>&amp;Prompt:</source>
        <translation>提示词(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="185"/>
        <source>&amp;Negative:</source>
        <translation>反向(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="188"/>
        <source>&amp;Copies:</source>
        <translation>数量(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="284"/>
        <source>This version of ClipDesk cannot talk to “%1” yet</source>
        <translation>此版本的 ClipDesk 暂不支持“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="320"/>
        <source>Model id, e.g. as the gateway lists it</source>
        <translation>模型 ID，按网关列出的名称填写</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="400"/>
        <source>Choose a connection this version of ClipDesk supports.</source>
        <translation>请选择此版本 ClipDesk 支持的连接。</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="403"/>
        <source>This connection has no base URL: set it in Settings → Connections.</source>
        <translation>此连接没有接口地址：请在“设置 → 连接”中填写。</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="446"/>
        <source>Price unknown — set it in Settings</source>
        <translation>价格未知——请在设置中填写</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="451"/>
        <source>≈ %1 (list price)</source>
        <translation>≈ %1（标价）</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="454"/>
        <source>The vendor&apos;s list price; gateways resell at their own rates — set yours in Settings.</source>
        <translation>这是厂商的标价；网关按各自的价格转售——请在设置中填写你的价格。</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="466"/>
        <source>Mode: %1</source>
        <translation>方式：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="434"/>
        <source>Continues task %1</source>
        <translation>接续任务 %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="169"/>
        <source>Estimated cost</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="458"/>
        <source>≈ %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="432"/>
        <source>Settings of task %1</source>
        <translation>沿用任务 %1 的设置</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="468"/>
        <source>add a first frame</source>
        <translation>请添加首帧</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="469"/>
        <source>add a first and a last frame</source>
        <translation>请添加首帧和尾帧</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="470"/>
        <source>add reference images</source>
        <translation>请添加参考图</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="472"/>
        <source>Mode: %1 — %2</source>
        <translation>方式：%1 —— %2</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="473"/>
        <source>write a prompt</source>
        <translation>请填写提示词</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="411"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1无法使用：%2</translation>
    </message>
</context>
<context>
    <name>GroupBar</name>
    <message>
        <location filename="../../gui/views/library_group.py" line="25"/>
        <source>← &amp;Back</source>
        <translation>← 返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_group.py" line="26"/>
        <source>Back to every video (Backspace)</source>
        <translation>返回全部视频 (Backspace)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_group.py" line="27"/>
        <source>Back to every video</source>
        <translation>返回全部视频</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_group.py" line="70"/>
        <source>A group of %n video(s) of one prompt: %1</source>
        <translation>
            <numerusform>同一提示词的 %n 个视频：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_group.py" line="71"/>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
</context>
<context>
    <name>ImageSlot</name>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="91"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="92"/>
        <source>Choose an image for %1</source>
        <translation>为%1选择图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="93"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="94"/>
        <source>Paste an image into %1</source>
        <translation>粘贴图片到%1</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="95"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="96"/>
        <source>Clear %1</source>
        <translation>清除%1</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="167"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="249"/>
        <source>Drop, paste or choose up to %1 images (%2 added)</source>
        <translation>拖入、粘贴或选择最多 %1 张图片（已添加 %2 张）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="254"/>
        <source>Drop an image or its web address here, paste, or choose a file</source>
        <translation>把图片或图片网址拖到这里，也可以粘贴或选择文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="267"/>
        <source>web</source>
        <translation>网络图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="295"/>
        <source>Not usable: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="297"/>
        <source>%1 cannot be read as an image</source>
        <translation>%1 无法作为图片读取</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="304"/>
        <source>will be scaled down to fit the provider&apos;s limit of %1 px</source>
        <translation>将缩小到服务商上限 %1 像素以内</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="315"/>
        <source>will be scaled up to the provider&apos;s minimum of %1 px</source>
        <translation>将放大到服务商要求的最小 %1 像素</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="320"/>
        <source>transparency will be filled with white</source>
        <translation>透明部分将填充为白色</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="343"/>
        <source>ClipDesk&apos;s check, nothing was sent: %1</source>
        <translation>ClipDesk 本地检查未通过，未发送任何请求：%1</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="57"/>
        <source>Join videos</source>
        <translation>拼接视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="64"/>
        <source>Clips, in order</source>
        <translation>片段（按顺序）</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="70"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="72"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="77"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="78"/>
        <source>Cross-fade</source>
        <translation>交叉淡化</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="82"/>
        <source>Clips that agree are copied as they are; others are re-encoded.</source>
        <translation>格式一致的片段直接复制，其余重新编码。</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="84"/>
        <source>&amp;Join</source>
        <translation>拼接(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="87"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="98"/>
        <source>Cross-fade:</source>
        <translation>交叉淡化：</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="104"/>
        <source>Clips, in the order they will play (drag to reorder):</source>
        <translation>片段，按播放顺序（拖动可调整）：</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="130"/>
        <source>Joining…</source>
        <translation>正在拼接…</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="159"/>
        <source>Joined into the library: %1</source>
        <translation>已拼接并加入视频库：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="161"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="169"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="172"/>
        <source>These clips cannot be joined: %1</source>
        <translation>这些片段无法拼接：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="183"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>KnownUrlsButton</name>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="62"/>
        <source>Known base URLs</source>
        <translation>常用接口地址</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="61"/>
        <source>Known a&amp;ddresses</source>
        <translation>常用地址(&amp;D)</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../gui/models/library_model.py" line="279"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/library_model.py" line="404"/>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/library_model.py" line="419"/>
        <source>%n video(s) of one prompt: open to see each</source>
        <translation>
            <numerusform>同一提示词的 %n 个视频：打开可逐个查看</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/library_model.py" line="424"/>
        <source>New: not played yet</source>
        <translation>新视频：还没播放过</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/library_model.py" line="429"/>
        <source>Group of %n video(s): %1</source>
        <translation>
            <numerusform>%n 个视频的分组：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/library_model.py" line="430"/>
        <source>New: %1</source>
        <translation>新视频：%1</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../gui/views/library_view.py" line="97"/>
        <source>Search prompts…</source>
        <translation>搜索提示词…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="99"/>
        <source>Search the library</source>
        <translation>搜索视频库</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="101"/>
        <source>Filter by connection</source>
        <translation>按连接筛选</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="103"/>
        <source>Filter by model</source>
        <translation>按模型筛选</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="126"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="128"/>
        <source>Add videos made elsewhere, or re-index a folder (with the settings they were made with)</source>
        <translation>添加在别处生成的视频，或重新索引一个文件夹（连同生成时的设置）</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="130"/>
        <location filename="../../gui/views/library_view.py" line="441"/>
        <source>Import videos</source>
        <translation>导入视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="133"/>
        <source>Import &amp;videos…</source>
        <translation>导入视频(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="134"/>
        <source>Re-index a &amp;folder…</source>
        <translation>重新索引文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="451"/>
        <source>Re-index a folder</source>
        <translation>重新索引文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="445"/>
        <source>Videos (%1)</source>
        <translation>视频 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="463"/>
        <source>Looking for videos…</source>
        <translation>正在查找视频…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="470"/>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="473"/>
        <source>%n video(s) added to the library</source>
        <translation>
            <numerusform>已将 %n 个视频加入视频库</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="475"/>
        <source>No new videos found</source>
        <translation>没有找到新的视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="105"/>
        <source>Filter by date</source>
        <translation>按日期筛选</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="107"/>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="108"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="109"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="110"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="138"/>
        <source>Li&amp;st</source>
        <translation>列表(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="220"/>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="221"/>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="222"/>
        <source>Re&amp;store</source>
        <translation>恢复(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="225"/>
        <source>Show &amp;each video of the group</source>
        <translation>逐个显示分组中的视频(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="284"/>
        <source>%n video(s) in the trash</source>
        <translation>
            <numerusform>回收站中有 %n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="413"/>
        <source>Rename video</source>
        <translation>重命名视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="414"/>
        <source>Title (empty: the prompt):</source>
        <translation>标题（留空则用提示词）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="431"/>
        <source>Moved %n video(s) to the trash</source>
        <translation>
            <numerusform>已将 %n 个视频移到回收站</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="438"/>
        <source>Restored %n video(s)</source>
        <translation>
            <numerusform>已恢复 %n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="139"/>
        <source>Show as a list instead of a grid</source>
        <translation>以列表而不是网格显示</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="140"/>
        <source>Show as a list</source>
        <translation>以列表显示</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="143"/>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="144"/>
        <source>Delete every video in the trash permanently</source>
        <translation>永久删除回收站中的所有视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="148"/>
        <source>De&amp;tails</source>
        <translation>详情(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="149"/>
        <source>Show how the selected video was made (Ctrl+I)</source>
        <translation>显示所选视频的生成信息 (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="150"/>
        <source>Show details</source>
        <translation>显示详情</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="153"/>
        <source>Video library</source>
        <translation>视频库</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="211"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="212"/>
        <source>Toggle &amp;favourite</source>
        <translation>收藏 / 取消收藏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="213"/>
        <source>&amp;Reuse settings</source>
        <translation>复用设置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="215"/>
        <source>&amp;Last frame → new task</source>
        <translation>用尾帧新建任务(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="217"/>
        <source>&amp;Open in system player</source>
        <translation>用系统播放器打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="218"/>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="223"/>
        <source>&amp;Delete permanently…</source>
        <translation>永久删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="227"/>
        <source>&amp;Back to every video</source>
        <translation>返回全部视频(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="230"/>
        <source>Video menu</source>
        <translation>视频菜单</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="231"/>
        <source>Show de&amp;tails</source>
        <translation>显示详情(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="245"/>
        <source>All connections</source>
        <translation>全部连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="246"/>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="288"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>共 %n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="400"/>
        <source>Taking the last frame…</source>
        <translation>正在提取尾帧…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="114"/>
        <source>Filter by state</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="116"/>
        <source>New: made here, not played yet. Trash: videos moved to the trash, to restore them</source>
        <translation>新视频：在这里生成、还没播放过的视频。回收站：已移到回收站的视频，可从这里恢复</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="119"/>
        <source>All videos</source>
        <translation>全部视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="120"/>
        <source>New</source>
        <translation>新视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="121"/>
        <source>★ Favourites</source>
        <translation>★ 收藏</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="122"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="286"/>
        <source>%n new video(s)</source>
        <translation>
            <numerusform>%n 个新视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="290"/>
        <source>%n new</source>
        <translation>
            <numerusform>%n 个新视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="219"/>
        <source>Save a &amp;copy to…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="490"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="500"/>
        <source>Saved a copy: %1</source>
        <translation>已保存副本：%1</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="40"/>
        <source>Task log: %1</source>
        <translation>任务日志：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="45"/>
        <source>Task log</source>
        <translation>任务日志</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="46"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="48"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="61"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="63"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="66"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="71"/>
        <source>(nothing logged yet)</source>
        <translation>（暂无日志）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="91"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <source>%1 running · %2 queued · %3 done</source>
        <translation>进行中 %1 · 排队 %2 · 已完成 %3</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>No API key for “%1”. Add one in Settings → Connections.</source>
        <translation>“%1”还没有 API 密钥。请在“设置 → 连接”中添加。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="231"/>
        <source>%n task(s) queued</source>
        <translation>
            <numerusform>已加入队列：%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263"/>
        <source>The new language applies the next time ClipDesk starts.</source>
        <translation>新语言将在下次启动 ClipDesk 时生效。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="298"/>
        <location filename="../../gui/selftest.py" line="267"/>
        <source>About ClipDesk</source>
        <translation>关于 ClipDesk</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="294"/>
        <source>ClipDesk %1
Turns images and text into videos through the providers you already pay for.</source>
        <translation>ClipDesk %1
通过你已付费的服务商，把图片和文字变成视频。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="302"/>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation>自由软件，依据 GNU 通用公共许可证第 3 版或（由你选择）任何更新的版本发布。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="318"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="319"/>
        <source>Third-party notices</source>
        <translation>第三方声明</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <location filename="../../gui/texts.py" line="124"/>
        <source>Text to video</source>
        <translation>文生视频</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="125"/>
        <source>Image to video</source>
        <translation>图生视频</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="126"/>
        <source>First and last frame</source>
        <translation>首尾帧生视频</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="127"/>
        <source>Reference images</source>
        <translation>参考图生视频</translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <location filename="../../gui/views/model_form.py" line="104"/>
        <location filename="../../gui/views/model_form.py" line="180"/>
        <source>Unconfirmed field — %1</source>
        <translation>未确认的字段 — %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="65"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="67"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="70"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="72"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="73"/>
        <source>The same seed with the same settings gives a similar video</source>
        <translation>相同的种子和设置会生成相似的视频</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="80"/>
        <source>&amp;Duration:</source>
        <translation>时长(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="81"/>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="82"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="117"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="184"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="136"/>
        <source>Not sent (the provider decides), or type e.g. 720p</source>
        <translation>不发送（由服务商决定），或输入如 720p</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="193"/>
        <source>%1 — model default</source>
        <translation>%1 —— 模型默认</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="197"/>
        <source>Not sent — the provider decides</source>
        <translation>不发送 —— 由服务商决定</translation>
    </message>
</context>
<context>
    <name>NewBadge</name>
    <message numerus="yes">
        <location filename="../../gui/frame.py" line="69"/>
        <source>%n new video(s)</source>
        <translation>
            <numerusform>%n 个新视频</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Param</name>
    <message>
        <location filename="../../gui/texts.py" line="254"/>
        <source>Camera movement</source>
        <translation>运镜</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="255"/>
        <source>Aspect ratio</source>
        <translation>画面比例</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="256"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="257"/>
        <source>Motion</source>
        <translation>运动模式</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="258"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="259"/>
        <source>Rewrite prompt</source>
        <translation>智能改写提示词</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="260"/>
        <source>Watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="261"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="262"/>
        <source>Audio URL</source>
        <translation>音频网址</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="263"/>
        <source>Movement amplitude</source>
        <translation>运动幅度</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="264"/>
        <source>Background music</source>
        <translation>背景音乐</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="265"/>
        <source>Quality mode</source>
        <translation>质量模式</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="266"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="267"/>
        <source>Prompt strength (CFG)</source>
        <translation>提示词强度 (CFG)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="268"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="269"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="270"/>
        <source>Thinking</source>
        <translation>思考模式</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="271"/>
        <source>Sound effects</source>
        <translation>音效</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="272"/>
        <source>Sound effect description</source>
        <translation>音效描述</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="273"/>
        <source>Lip sync</source>
        <translation>对口型</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="274"/>
        <source>Lip sync text</source>
        <translation>对口型台词</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="275"/>
        <source>Lip sync voice</source>
        <translation>对口型音色</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="276"/>
        <source>Template id</source>
        <translation>模板 ID</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="277"/>
        <source>Generate audio</source>
        <translation>生成音频</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="278"/>
        <source>Multiple shots</source>
        <translation>多镜头</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="289"/>
        <source>Zoom in</source>
        <translation>推近</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="290"/>
        <source>Zoom out</source>
        <translation>拉远</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="291"/>
        <source>Smooth zoom in</source>
        <translation>缓慢推近</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="292"/>
        <source>Quick zoom in</source>
        <translation>快速推近</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="293"/>
        <source>Quick zoom out</source>
        <translation>快速拉远</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="294"/>
        <source>Truck left</source>
        <translation>左移</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="295"/>
        <source>Truck right</source>
        <translation>右移</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="296"/>
        <source>Pedestal up</source>
        <translation>上升</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="297"/>
        <source>Pedestal down</source>
        <translation>下降</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="298"/>
        <source>Pan left</source>
        <translation>左摇</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="299"/>
        <source>Pan right</source>
        <translation>右摇</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="300"/>
        <source>Crane up</source>
        <translation>升臂拉远</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="301"/>
        <source>Camera roll</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="302"/>
        <source>Super dolly out</source>
        <translation>超远拉镜</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="303"/>
        <source>Static</source>
        <translation>固定镜头</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="304"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="305"/>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="306"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="307"/>
        <source>Small</source>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="308"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="309"/>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="310"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="311"/>
        <source>Anime</source>
        <translation>动漫</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="312"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="313"/>
        <source>Pro</source>
        <translation>专业</translation>
    </message>
</context>
<context>
    <name>Place</name>
    <message>
        <location filename="../../gui/frame.py" line="37"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../../gui/player/player.py" line="61"/>
        <source>Video player</source>
        <translation>视频播放器</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="79"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="82"/>
        <source>Double-click a finished video to play it here</source>
        <translation>双击已完成的视频，在这里播放</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="86"/>
        <source>Playback unavailable: the Qt multimedia components are missing. Use “Open in system player”.</source>
        <translation>无法播放：缺少 Qt 多媒体组件。请使用“用系统播放器打开”。</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="113"/>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="114"/>
        <source>Previous frame (← or ,)</source>
        <translation>上一帧（← 或 ,）</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="115"/>
        <source>Next frame (→ or .)</source>
        <translation>下一帧（→ 或 .）</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="117"/>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="123"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="124"/>
        <source>Loop (L)</source>
        <translation>循环播放（L）</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="126"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="127"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="132"/>
        <source>Mute (M)</source>
        <translation>静音（M）</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="134"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="143"/>
        <source>Open in system player</source>
        <translation>用系统播放器打开</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="216"/>
        <source>Playback unavailable here. “Open in system player” plays %1.</source>
        <translation>此处无法播放。可用“用系统播放器打开”播放 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="377"/>
        <source>This video cannot be played: %1</source>
        <translation>无法播放此视频：%1</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="68"/>
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="140"/>
        <source>Full screen (F, double-click; Esc leaves)</source>
        <translation>全屏（F 或双击；Esc 退出）</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <location filename="../../gui/texts.py" line="379"/>
        <source>The offline preview needs no key and no network.</source>
        <translation>离线预览不需要密钥，也不需要网络。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="380"/>
        <source>There is no API key for this connection.</source>
        <translation>此连接没有 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="382"/>
        <source>The server could not be reached: check the base URL, the network and any proxy.</source>
        <translation>无法连接到服务器：请检查接口地址、网络和代理设置。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="385"/>
        <source>The server answered, but refused the key (HTTP {status}: {words}).</source>
        <translation>服务器有应答，但拒绝了该密钥（HTTP {status}：{words}）。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="388"/>
        <source>Something answered HTTP {status}, but not as this API would: check the base URL (with any path prefix the gateway needs, such as /alibailian).</source>
        <translation>有服务器以 HTTP {status} 应答，但不像是这个接口：请检查接口地址（包括网关需要的路径前缀，例如 /alibailian）。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="393"/>
        <source>The server answered HTTP {status}: {words}. The key may be fine.</source>
        <translation>服务器应答 HTTP {status}：{words}。密钥可能没有问题。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="394"/>
        <source>The key was accepted: asked for a task that cannot exist, DashScope answered {status}. Nothing was created. DashScope offers no balance call for an API key; see the Model Studio console.</source>
        <translation>密钥有效：查询了一个不可能存在的任务，DashScope 应答 {status}。没有创建任何任务。DashScope 不提供用 API 密钥查询余额的接口，请在百炼控制台查看。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="400"/>
        <source>The key was accepted. Balance: {amount} credits.</source>
        <translation>密钥有效。余额：{amount} 积分。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="401"/>
        <source>The key was accepted: {name} answered &apos;not found&apos; for a video that cannot exist.</source>
        <translation>密钥有效：查询一个不可能存在的视频时，{name} 应答“未找到”。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="404"/>
        <source>The key was accepted: {name} answered &apos;not found&apos; for a task that cannot exist.</source>
        <translation>密钥有效：查询一个不可能存在的任务时，{name} 应答“未找到”。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="407"/>
        <source>Balance: {amount} USD.</source>
        <translation>余额：{amount} 美元。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="408"/>
        <source>(AiSphere&apos;s look-up route is a guess until its docs name one.)</source>
        <translation>（AiSphere 的查询路径是推测的，待其文档给出后再确认。）</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="411"/>
        <source>PixVerse refused the key: {words}</source>
        <translation>PixVerse 拒绝了该密钥：{words}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="412"/>
        <source>The key was accepted: the list of videos came back.</source>
        <translation>密钥有效：已返回视频列表。</translation>
    </message>
</context>
<context>
    <name>Provider</name>
    <message>
        <location filename="../../gui/texts.py" line="437"/>
        <source>Alibaba Bailian / DashScope</source>
        <translation>阿里云百炼 / DashScope</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="438"/>
        <source>PixVerse</source>
        <translation>PixVerse 官方 API</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="439"/>
        <source>new-api gateway (Kling, Jimeng, Vidu)</source>
        <translation>new-api 网关（可灵、即梦、Vidu）</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="440"/>
        <source>OpenAI videos (Sora) or a compatible gateway</source>
        <translation>OpenAI 视频（Sora）或兼容网关</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="441"/>
        <source>AiSphere gateway (PixVerse models)</source>
        <translation>AiSphere 网关（PixVerse 模型）</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="442"/>
        <source>UniAll (Vidu Q3)</source>
        <translation>UniAll（Vidu Q3 模型）</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="443"/>
        <source>Offline preview</source>
        <translation>离线预览</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../gui/views/queue_view.py" line="142"/>
        <source>Filter by prompt, model, connection, seed or state…</source>
        <translation>按提示词、模型、连接、种子或状态筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="144"/>
        <source>Filter tasks</source>
        <translation>筛选任务</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="147"/>
        <source>Show tasks</source>
        <translation>显示任务</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="149"/>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="150"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="151"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="152"/>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="157"/>
        <source>Pause…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="158"/>
        <source>Pause or resume a connection&apos;s queue</source>
        <translation>暂停或恢复某个连接的队列</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="159"/>
        <source>Pause or resume connections</source>
        <translation>暂停或恢复连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="167"/>
        <source>Task queue</source>
        <translation>任务队列</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="233"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="234"/>
        <source>&amp;Open in system player</source>
        <translation>用系统播放器打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="235"/>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="236"/>
        <source>&amp;Cancel</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="237"/>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="239"/>
        <source>Re&amp;move from list</source>
        <translation>从列表中移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="241"/>
        <source>Copy remote &amp;id</source>
        <translation>复制远程任务 ID(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="242"/>
        <source>Show request/response &amp;log</source>
        <translation>查看请求 / 响应日志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="244"/>
        <source>Decide about unknown &amp;submit…</source>
        <translation>处理结果未知的提交(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="248"/>
        <source>Task menu</source>
        <translation>任务菜单</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="356"/>
        <source>Pause “%1”</source>
        <translation>暂停“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="412"/>
        <source>Remove tasks</source>
        <translation>移除任务</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="413"/>
        <source>%1 of these tasks are still running. Cancel and remove them?</source>
        <translation>其中 %1 个任务仍在进行。要取消并移除它们吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/queue_view.py" line="431"/>
        <source>Copied %n remote id(s)</source>
        <translation>
            <numerusform>已复制 %n 个远程任务 ID</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="84"/>
        <source>Unknown submit</source>
        <translation>提交结果未知</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="87"/>
        <source>ClipDesk sent this task but never heard back. The provider may have created it and charged for it, so ClipDesk will not send it again by itself.

Check the provider&apos;s console. If the task is there, enter its id to follow it. Otherwise send it again (it may be charged twice if it did exist), or drop it.</source>
        <translation>ClipDesk 已发送这个任务，但没有收到回复。服务商可能已经创建了任务并扣费，所以 ClipDesk 不会自行重新发送。

请到服务商的控制台查看。如果任务在那里，请输入它的 ID 继续跟踪；否则可以重新发送（如果任务其实已存在，可能会被重复扣费），或者放弃它。</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="96"/>
        <location filename="../../gui/views/task_dialogs.py" line="97"/>
        <source>The provider&apos;s task id</source>
        <translation>服务商的任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="98"/>
        <source>&amp;Task id at the provider:</source>
        <translation>服务商处的任务 ID(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="101"/>
        <source>&amp;Follow this id</source>
        <translation>跟踪此 ID(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="103"/>
        <source>&amp;Send again</source>
        <translation>重新发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="104"/>
        <source>&amp;Drop task</source>
        <translation>放弃任务(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="108"/>
        <source>Decide &amp;later</source>
        <translation>稍后再说(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="56"/>
        <source>No system keyring is available (Secret Service, macOS Keychain or Windows Credential Locker). ClipDesk keeps the key in memory for this session only and never writes it to disk; you will be asked again next time.</source>
        <translation>系统中没有可用的密钥环（Secret Service、macOS 钥匙串或 Windows 凭据管理器）。ClipDesk 只在本次运行期间把密钥保存在内存中，绝不写入磁盘；下次启动时需要重新输入。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="81"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="93"/>
        <source>&amp;Connections</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="94"/>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="124"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="126"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="127"/>
        <location filename="../../gui/views/settings_dialog.py" line="427"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="131"/>
        <source>Connection name</source>
        <translation>连接名称</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="133"/>
        <source>Provider type</source>
        <translation>服务商类型</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="139"/>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="143"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="144"/>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="154"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="155"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="156"/>
        <source>System proxy</source>
        <translation>系统代理</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="157"/>
        <source>Custom proxy</source>
        <translation>自定义代理</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="159"/>
        <source>Proxy address</source>
        <translation>代理地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="179"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="189"/>
        <source>The offline preview works without a key or a network.</source>
        <translation>离线预览无需密钥，也无需联网。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="203"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="204"/>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="205"/>
        <source>&amp;Base URL:</source>
        <translation>接口地址(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="211"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="214"/>
        <source>&amp;Proxy:</source>
        <translation>代理(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="300"/>
        <source>Saved. Type a new key to replace it</source>
        <translation>已保存。输入新密钥即可替换</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="300"/>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="391"/>
        <source>API documentation</source>
        <translation>API 文档</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="401"/>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="457"/>
        <source>Enter an API key first.</source>
        <translation>请先输入 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="460"/>
        <source>The base URL must start with http:// or https://</source>
        <translation>接口地址必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="462"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="468"/>
        <location filename="../../gui/views/settings_dialog.py" line="477"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="497"/>
        <location filename="../../gui/views/settings_dialog.py" line="535"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="498"/>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="504"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="505"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="515"/>
        <source>Notify me when a task ends</source>
        <translation>任务结束时通知我</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="517"/>
        <source>A new language applies the next time ClipDesk starts.</source>
        <translation>新语言将在下次启动 ClipDesk 时生效。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="521"/>
        <source>&amp;Output folder:</source>
        <translation>输出文件夹(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="522"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="546"/>
        <source>Every connection needs a name.</source>
        <translation>每个连接都需要名称。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="548"/>
        <source>Two connections are named “%1”.</source>
        <translation>有两个连接都叫“%1”。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="551"/>
        <source>“%1” needs a base URL starting with http:// or https://</source>
        <translation>“%1”需要以 http:// 或 https:// 开头的接口地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="557"/>
        <source>The proxy of “%1” must look like http://host:port</source>
        <translation>“%1”的代理地址格式应为 http://主机:端口</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="218"/>
        <source>&amp;Daily cap:</source>
        <translation>每日上限(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="219"/>
        <source>&amp;Monthly cap:</source>
        <translation>每月上限(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="341"/>
        <source>A price reads model=AMOUNT[CNY|USD|credits]/second|clip|credit: “%1”</source>
        <translation>价格的写法是 模型=金额[CNY|USD|credits]/second|clip|credit：“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="329"/>
        <source>A spending cap is a number (or empty for none): “%1”</source>
        <translation>花费上限须为数字（留空表示不设上限）：“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="473"/>
        <source>Connection works: %1</source>
        <translation>连接正常：%1</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="169"/>
        <source>Daily spending cap</source>
        <translation>每日花费上限</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="171"/>
        <source>Monthly spending cap</source>
        <translation>每月花费上限</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="173"/>
        <source>No cap (in the currency of this connection&apos;s prices)</source>
        <translation>不设上限（币种与此连接的价格相同）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="366"/>
        <source>Nothing spent this month.</source>
        <translation>本月尚无花费。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="220"/>
        <source>Own pr&amp;ices:</source>
        <translation>自定价格(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="175"/>
        <source>Own prices</source>
        <translation>自定价格</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="361"/>
        <source>This month: charged %1, estimated %2 (today %3)</source>
        <translation>本月：已扣费 %1，预估 %2（今日 %3）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="176"/>
        <source>model=0.5CNY/second, other=2USD/clip (gateway rates)</source>
        <translation>模型=0.5CNY/second, 其他=2USD/clip（网关价格）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="510"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="511"/>
        <source>Follow the system (dark if it does not say)</source>
        <translation>跟随系统（系统未指定时为深色）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="512"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="513"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="528"/>
        <source>&amp;Appearance:</source>
        <translation>外观(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="420"/>
        <source>Remove connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="421"/>
        <source>Remove “%1”? Its API key is deleted from the keyring when you press OK.</source>
        <translation>删除“%1”？按“确定”保存设置时，它的 API 密钥也会从密钥环中删除。</translation>
    </message>
</context>
<context>
    <name>Story</name>
    <message>
        <location filename="../../gui/views/story.py" line="49"/>
        <source>retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="50"/>
        <source>reused settings</source>
        <translation>沿用设置</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="51"/>
        <source>variation</source>
        <translation>变体</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="52"/>
        <source>continues</source>
        <translation>接续</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="53"/>
        <source>extends</source>
        <translation>延展</translation>
    </message>
</context>
<context>
    <name>StoryActions</name>
    <message>
        <location filename="../../gui/views/story.py" line="158"/>
        <source>Family and &amp;chain…</source>
        <translation>家族与链(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="159"/>
        <source>E&amp;xtend chain</source>
        <translation>延续链(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="160"/>
        <source>Co&amp;mpare (2–4)…</source>
        <translation>比较（2–4 个）(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="161"/>
        <source>&amp;Join into one video…</source>
        <translation>拼接成一个视频(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="162"/>
        <source>&amp;Variations…</source>
        <translation>变体(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="163"/>
        <source>Open its &amp;group…</source>
        <translation>打开所在分组(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="209"/>
        <source>Select 2 to 4 videos to compare.</source>
        <translation>请选择 2 到 4 个视频进行比较。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="222"/>
        <source>%n variation(s) queued</source>
        <translation>
            <numerusform>已排队 %n 个变体</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="232"/>
        <source>This video was not made in a group.</source>
        <translation>这个视频不属于任何分组。</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="241"/>
        <source>Its group has only one finished video yet.</source>
        <translation>它所在的分组目前只有一个完成的视频。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="246"/>
        <source>Group of %n video(s)</source>
        <translation>
            <numerusform>%n 个视频的分组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="264"/>
        <source>%n video(s) moved to the trash</source>
        <translation>
            <numerusform>已将 %n 个视频移到回收站</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="271"/>
        <source>Select at least two videos to join.</source>
        <translation>请至少选择两个视频进行拼接。</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="257"/>
        <source>%1 · seed %2</source>
        <translation>%1 · 种子 %2</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <location filename="../../gui/models/task_model.py" line="568"/>
        <source>Waiting its turn</source>
        <translation>等待处理</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="514"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="515"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="516"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="517"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="518"/>
        <source>Elapsed</source>
        <translation>已用时</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="519"/>
        <source>Time left</source>
        <translation>预计剩余</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="520"/>
        <source>Link expires</source>
        <translation>链接有效期</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="521"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="535"/>
        <location filename="../../gui/models/task_model.py" line="579"/>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="553"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="556"/>
        <source>Submit outcome unknown: check the provider</source>
        <translation>提交结果未知：请到服务商处核实</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="574"/>
        <source>%1 (paused)</source>
        <translation>%1（已暂停）</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="581"/>
        <source>Negative: %1</source>
        <translation>反向：%1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="587"/>
        <source>Remote id: %1</source>
        <translation>远程任务 ID：%1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="589"/>
        <source>Provider status: %1</source>
        <translation>服务商状态：%1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="599"/>
        <source>Code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="548"/>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
</context>
<context>
    <name>TaskNotifier</name>
    <message>
        <location filename="../../gui/tray.py" line="42"/>
        <source>Show ClipDesk</source>
        <translation>显示 ClipDesk</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="46"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="128"/>
        <source>Video ready</source>
        <translation>视频已生成</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="131"/>
        <source>A task needs your decision</source>
        <translation>有任务需要你处理</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="133"/>
        <source>Task expired</source>
        <translation>任务已过期</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="135"/>
        <source>Task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="43"/>
        <source>Play the latest video</source>
        <translation>播放最新的视频</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="111"/>
        <source>Batch finished</source>
        <translation>批量任务已结束</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="103"/>
        <source>%n video(s) ready</source>
        <translation>
            <numerusform>%n 个视频已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="105"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="107"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n 个已取消</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRows</name>
    <message>
        <location filename="../../gui/models/task_rows.py" line="42"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="46"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="71"/>
        <source>Not charged</source>
        <translation>未扣费</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="56"/>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="79"/>
        <source>≈ %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="90"/>
        <source>An estimate: the provider has not reported a charge.</source>
        <translation>这是估算：服务商尚未报告实际扣费。</translation>
    </message>
</context>
<context>
    <name>TaskState</name>
    <message>
        <location filename="../../gui/texts.py" line="43"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="44"/>
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="45"/>
        <source>Submitting</source>
        <translation>提交中</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="46"/>
        <source>Generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="47"/>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="48"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="49"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="50"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="51"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="52"/>
        <source>Needs a decision</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="53"/>
        <source>Held by budget</source>
        <translation>因预算暂缓</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../gui/texts.py" line="162"/>
        <source>Enter a prompt: this model needs one in every mode.</source>
        <translation>请输入提示词：此模型在各种模式下都需要提示词。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="181"/>
        <source>This model needs a first-frame image in every mode.</source>
        <translation>此模型在各种模式下都需要首帧图。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="189"/>
        <source>This model needs at least %1 reference images.</source>
        <translation>此模型至少需要 %1 张参考图。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="203"/>
        <source>This model takes no %1.</source>
        <translation>此模型不支持 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="206"/>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 超过 %2 个字符。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="134"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="136"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="157"/>
        <source>Choose a model.</source>
        <translation>请选择模型。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="160"/>
        <source>Enter a prompt: text to video needs one.</source>
        <translation>请输入提示词：文生视频需要提示词。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="165"/>
        <source>The prompt is %1 characters; this model takes at most %2.</source>
        <translation>提示词有 %1 个字符，此模型最多支持 %2 个。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="169"/>
        <source>The prompt contains control characters.</source>
        <translation>提示词中含有控制字符。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="172"/>
        <source>This model takes no negative prompt.</source>
        <translation>此模型不支持反向提示词。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="174"/>
        <source>The negative prompt is longer than %1 characters.</source>
        <translation>反向提示词超过了 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="177"/>
        <source>The negative prompt contains control characters.</source>
        <translation>反向提示词中含有控制字符。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="180"/>
        <source>A last frame needs a first frame.</source>
        <translation>有尾帧时必须同时提供首帧。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="184"/>
        <source>This model needs a first-frame image.</source>
        <translation>此模型需要一张首帧图片。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="186"/>
        <source>This model makes video from text only: remove the images.</source>
        <translation>此模型只支持文生视频：请移除图片。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="187"/>
        <source>This model does not support %1.</source>
        <translation>此模型不支持%1。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="193"/>
        <source>This model takes at most %1 reference images.</source>
        <translation>此模型最多支持 %1 张参考图。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="197"/>
        <source>This model cannot make a %1 s video.</source>
        <translation>此模型无法生成 %1 秒的视频。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="199"/>
        <source>This model has no %1 resolution.</source>
        <translation>此模型没有 %1 分辨率。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="201"/>
        <source>The seed is out of range.</source>
        <translation>种子超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="212"/>
        <source>“%1” is not an allowed value for %2.</source>
        <translation>“%1”不是 %2 允许的取值。</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="228"/>
        <source>Something unexpected happened: %1</source>
        <translation>发生了意外情况：%1</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="326"/>
        <source>Offline preview</source>
        <translation>离线预览</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="328"/>
        <source>Imported videos</source>
        <translation>导入的视频</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="222"/>
        <source>ClipDesk&apos;s check, nothing was sent: %1</source>
        <translation>ClipDesk 本地检查未通过，未发送任何请求：%1</translation>
    </message>
</context>
<context>
    <name>TrashDeletion</name>
    <message>
        <location filename="../../gui/views/library_trash.py" line="75"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="76"/>
        <source>Delete the %n video(s) in the trash permanently?</source>
        <translation>
            <numerusform>永久删除回收站中的 %n 个视频？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_trash.py" line="78"/>
        <source>Delete permanently</source>
        <translation>永久删除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="79"/>
        <source>Delete %n video(s) permanently?</source>
        <translation>
            <numerusform>永久删除 %n 个视频？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_trash.py" line="83"/>
        <source>Their files are removed from the disk. This cannot be undone.</source>
        <translation>视频文件将从磁盘上删除，此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_trash.py" line="84"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="97"/>
        <source>Deleted %n video(s) permanently</source>
        <translation>
            <numerusform>已永久删除 %n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="99"/>
        <source>%n could not be removed (still in the trash)</source>
        <translation>
            <numerusform>%n 个无法删除（仍在回收站中）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VariationsDialog</name>
    <message>
        <location filename="../../gui/views/variations.py" line="58"/>
        <source>Variations</source>
        <translation>变体</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="66"/>
        <source>Takes per model and connection</source>
        <translation>每个模型和连接的生成次数</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="68"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="73"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="92"/>
        <source>&amp;Make</source>
        <translation>生成(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="98"/>
        <source>Takes (each its own seed):</source>
        <translation>次数（各用不同种子）：</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="101"/>
        <source>Variations of “%1”</source>
        <translation>“%1”的变体</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="104"/>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="106"/>
        <source>Connections:</source>
        <translation>连接：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/variations.py" line="143"/>
        <source>%n task(s) will be made, as one group.</source>
        <translation>
            <numerusform>将生成 %n 个任务，作为一个分组。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="180"/>
        <source>%1 on “%2”</source>
        <translation>“%2”上的 %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="184"/>
        <source>%1: price unknown — set it in Settings</source>
        <translation>%1：价格未知——请在设置中填写</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="187"/>
        <source>%1: %2 per variation</source>
        <translation>%1：每个变体 %2</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="189"/>
        <source>(the vendor&apos;s list price; a gateway may charge otherwise)</source>
        <translation>（厂商标价；网关可能按其他价格收费）</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="194"/>
        <source>Estimated total: %1</source>
        <translation>预估总计：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/variations.py" line="196"/>
        <source>(and %n variation(s) whose price is unknown)</source>
        <translation>
            <numerusform>（另有 %n 个变体价格未知）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="207"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="207"/>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="210"/>
        <source>This group would pass the %1 cap of “%2” (%3; %4 spent or in flight, the group %5): the variations over it will wait, held by budget, until the cap is raised or a new day or month.</source>
        <translation>这组变体会超过“%2”的%1上限（%3；已花费或进行中 %4，本组 %5）：超出的变体将因预算暂停，直到上限提高或进入新的一天或一个月。</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="228"/>
        <source>“%1” has a spending cap and no price for some of these models: they will be refused there until a price is set in Settings.</source>
        <translation>“%1”设有花费上限，但其中一些模型没有价格：在设置中填写价格之前，它们会被拒绝。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/variations.py" line="264"/>
        <source>%n task(s) made; these could not be:</source>
        <translation>
            <numerusform>已生成 %n 个任务；以下无法生成：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../gui/welcome.py" line="84"/>
        <source>Welcome to ClipDesk</source>
        <translation>欢迎使用 ClipDesk</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="89"/>
        <source>ClipDesk turns images and text into videos through the video services you already pay for. Keys stay in your system keyring, and every task is kept, even when ClipDesk closes.</source>
        <translation>ClipDesk 通过你已开通的视频生成服务，把图片和文字变成视频。密钥保存在系统密钥环中；即使关闭 ClipDesk，任务也不会丢失。</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="97"/>
        <source>&amp;Try the offline preview now</source>
        <translation>立即试用离线预览(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="104"/>
        <source>Makes a short video on this computer, with no key and no network. It is not AI: it animates your image or a title card, so you can see how the queue, the player and the library work.</source>
        <translation>在本机生成一段短视频，无需密钥，也无需联网。它不是 AI：只是让你的图片或标题卡动起来，方便你先熟悉队列、播放器和视频库。</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="115"/>
        <source>Add a connection</source>
        <translation>添加连接</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="119"/>
        <source>When you have an API key, add the service it belongs to:</source>
        <translation>有了 API 密钥后，添加它所属的服务：</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="135"/>
        <source>API documentation</source>
        <translation>API 文档</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="142"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="143"/>
        <source>Add a connection: %1</source>
        <translation>添加连接：%1</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="149"/>
        <source>&amp;Later</source>
        <translation>以后再说(&amp;L)</translation>
    </message>
</context>
<context>
    <name>WipeView</name>
    <message>
        <location filename="../../gui/views/wipe_view.py" line="33"/>
        <source>Wipe between the two videos</source>
        <translation>两个视频的划像对比</translation>
    </message>
</context>
</TS>
