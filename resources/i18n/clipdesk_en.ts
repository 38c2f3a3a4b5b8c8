<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BaseUrls</name>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="21"/>
        <source>DashScope (Alibaba Cloud Bailian), Beijing</source>
        <translation>DashScope (Alibaba Cloud Bailian), Beijing</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="25"/>
        <source>DashScope international, Singapore (its own keys)</source>
        <translation>DashScope international, Singapore (its own keys)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="29"/>
        <source>PixVerse Platform API</source>
        <translation>PixVerse Platform API</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="31"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="39"/>
        <source>Through a gateway: its address with the prefix it relays DashScope under, e.g. https://gateway.example/alibailian</source>
        <translation>Through a gateway: its address with the prefix it relays DashScope under, e.g. https://gateway.example/alibailian</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="45"/>
        <source>Through a gateway: its address without /v1, e.g. https://gateway.example</source>
        <translation>Through a gateway: its address without /v1, e.g. https://gateway.example</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="49"/>
        <source>The gateway&apos;s address without /api, e.g. https://gateway.example</source>
        <translation>The gateway&apos;s address without /api, e.g. https://gateway.example</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <location filename="../../gui/batch.py" line="107"/>
        <source>Overrides not understood: %1</source>
        <translation>Overrides not understood: %1</translation>
    </message>
    <message>
        <location filename="../../gui/batch.py" line="119"/>
        <source>Image not found: %1</source>
        <translation>Image not found: %1</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="57"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="59"/>
        <source>A &amp;folder of images</source>
        <translation>A &amp;folder of images</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="60"/>
        <source>A &amp;CSV file: image, prompt, overrides</source>
        <translation>A &amp;CSV file: image, prompt, overrides</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="66"/>
        <source>Folder or CSV file</source>
        <translation>Folder or CSV file</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="67"/>
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="70"/>
        <source>Each image or row becomes a task with the form&apos;s current connection, model and settings. CSV overrides look like duration=5;resolution=720p;seed=7.</source>
        <translation>Each image or row becomes a task with the form&apos;s current connection, model and settings. CSV overrides look like duration=5;resolution=720p;seed=7.</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="77"/>
        <source>Tasks in the batch</source>
        <translation>Tasks in the batch</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="90"/>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="123"/>
        <source>Folder of images</source>
        <translation>Folder of images</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="126"/>
        <source>CSV file</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="126"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="150"/>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="174"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="180"/>
        <source>price unknown — set it in Settings</source>
        <translation>price unknown — set it in Settings</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="192"/>
        <source>Choose a folder of images or a CSV file.</source>
        <translation>Choose a folder of images or a CSV file.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/batch_dialog.py" line="195"/>
        <source>%n task(s) will be queued on “%1” with %2 (%3 per row).</source>
        <translation>
            <numerusform>%n task will be queued on “%1” with %2 (%3 per row).</numerusform>
            <numerusform>%n tasks will be queued on “%1” with %2 (%3 per row).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/batch_dialog.py" line="202"/>
        <source>%n row(s) with problems will be skipped.</source>
        <translation>
            <numerusform>%n row with a problem will be skipped.</numerusform>
            <numerusform>%n rows with problems will be skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/batch_dialog.py" line="206"/>
        <source>&amp;Queue %n task(s)</source>
        <translation>
            <numerusform>&amp;Queue %n task</numerusform>
            <numerusform>&amp;Queue %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="79"/>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../gui/views/batch_dialog.py" line="204"/>
        <source>Estimated total: %1</source>
        <translation>Estimated total: %1</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <location filename="../../gui/views/compare_view.py" line="69"/>
        <source>Compare %n video(s)</source>
        <translation>
            <numerusform>Compare %n video</numerusform>
            <numerusform>Compare %n videos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="70"/>
        <source>Compare videos</source>
        <translation>Compare videos</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="95"/>
        <source>Playback unavailable</source>
        <translation>Playback unavailable</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="98"/>
        <source>Video %1</source>
        <translation>Video %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="106"/>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="107"/>
        <source>Keep video %1</source>
        <translation>Keep video %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="123"/>
        <source>Play or pause all (Space)</source>
        <translation>Play or pause all (Space)</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="124"/>
        <source>One frame back (←)</source>
        <translation>One frame back (←)</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="125"/>
        <source>One frame on (→)</source>
        <translation>One frame on (→)</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="127"/>
        <source>Full screen (F)</source>
        <translation>Full screen (F)</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="130"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="136"/>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="141"/>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="142"/>
        <source>Start again at the end (L)</source>
        <translation>Start again at the end (L)</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="163"/>
        <source>Keep the checked, move the rest to the trash</source>
        <translation>Keep the checked, move the rest to the trash</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="152"/>
        <source>Wipe</source>
        <translation>Wipe</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="153"/>
        <source>One over the other, split where you drag (W)</source>
        <translation>One over the other, split where you drag (W)</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="165"/>
        <source>Compare the checked</source>
        <translation>Compare the checked</translation>
    </message>
    <message>
        <location filename="../../gui/views/compare_view.py" line="166"/>
        <source>Two to four checked videos side by side</source>
        <translation>Two to four checked videos side by side</translation>
    </message>
</context>
<context>
    <name>Cost</name>
    <message>
        <location filename="../../gui/texts.py" line="346"/>
        <source>%1 credits</source>
        <translation>%1 credits</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="354"/>
        <source>Charged: %1</source>
        <translation>Charged: %1</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="359"/>
        <source>Cost unknown</source>
        <translation>Cost unknown</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="356"/>
        <source>Estimate: %1</source>
        <translation>Estimate: %1</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="352"/>
        <source>Not charged</source>
        <translation>Not charged</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="373"/>
        <source>Balance: %1</source>
        <translation>Balance: %1</translation>
    </message>
</context>
<context>
    <name>CrashBox</name>
    <message>
        <location filename="../../gui/crash.py" line="280"/>
        <source>ClipDesk ran into an unexpected error.</source>
        <translation>ClipDesk ran into an unexpected error.</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="284"/>
        <source>A report was saved. It holds no API keys or images, so you can send it along when you describe what happened.</source>
        <translation>A report was saved. It holds no API keys or images, so you can send it along when you describe what happened.</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="291"/>
        <source>&amp;Open report</source>
        <translation>&amp;Open report</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../gui/views/library_details.py" line="32"/>
        <source>Video details</source>
        <translation>Video details</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="36"/>
        <source>Select a video to see how it was made.</source>
        <translation>Select a video to see how it was made.</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="43"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="44"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="45"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="46"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="47"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="48"/>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="49"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="50"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="51"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="52"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="53"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_details.py" line="54"/>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_details.py" line="91"/>
        <source>%n video(s) of one prompt</source>
        <translation>
            <numerusform>%n video of one prompt</numerusform>
            <numerusform>%n videos of one prompt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorKind</name>
    <message>
        <location filename="../../gui/texts.py" line="69"/>
        <source>API key refused</source>
        <translation>API key refused</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="70"/>
        <source>Insufficient balance</source>
        <translation>Insufficient balance</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="72"/>
        <source>Blocked by content moderation</source>
        <translation>Blocked by content moderation</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="73"/>
        <source>Not valid for this model</source>
        <translation>Not valid for this model</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="74"/>
        <source>Rate limited, waiting</source>
        <translation>Rate limited, waiting</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="75"/>
        <source>Provider unreachable</source>
        <translation>Provider unreachable</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="76"/>
        <source>The provider failed to generate</source>
        <translation>The provider failed to generate</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="77"/>
        <source>Expired at the provider</source>
        <translation>Expired at the provider</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="78"/>
        <source>Task unknown to the provider</source>
        <translation>Task unknown to the provider</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="79"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="80"/>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="87"/>
        <source>The API key was refused. Check the key in Settings → Connections.</source>
        <translation>The API key was refused. Check the key in Settings → Connections.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="90"/>
        <source>The account has insufficient balance or quota for this generation.</source>
        <translation>The account has insufficient balance or quota for this generation.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="98"/>
        <source>The provider&apos;s content moderation rejected the prompt, an image or the result.</source>
        <translation>The provider&apos;s content moderation rejected the prompt, an image or the result.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="101"/>
        <source>The provider says the request is not valid for this model.</source>
        <translation>The provider says the request is not valid for this model.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="104"/>
        <source>The provider is limiting requests; ClipDesk waits and tries again.</source>
        <translation>The provider is limiting requests; ClipDesk waits and tries again.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="107"/>
        <source>The provider could not be reached. Check the network and proxy.</source>
        <translation>The provider could not be reached. Check the network and proxy.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="110"/>
        <source>The provider failed to generate the video.</source>
        <translation>The provider failed to generate the video.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="111"/>
        <source>The task or its result link has expired at the provider.</source>
        <translation>The task or its result link has expired at the provider.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="112"/>
        <source>The provider does not know this task.</source>
        <translation>The provider does not know this task.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="113"/>
        <source>The task was cancelled.</source>
        <translation>The task was cancelled.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="114"/>
        <source>Something unexpected happened.</source>
        <translation>Something unexpected happened.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="71"/>
        <source>Over a spending cap</source>
        <translation>Over a spending cap</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="93"/>
        <source>This generation would pass a spending cap, so nothing was sent. Raise the cap in Settings → Connections, or wait for a new day or month.</source>
        <translation>This generation would pass a spending cap, so nothing was sent. Raise the cap in Settings → Connections, or wait for a new day or month.</translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <location filename="../../gui/views/story.py" line="73"/>
        <source>Family and chain</source>
        <translation>Family and chain</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="77"/>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>How it came</source>
        <translation>How it came</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="79"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="102"/>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="108"/>
        <source>&amp;Extend chain</source>
        <translation>&amp;Extend chain</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="110"/>
        <source>A new clip starting on the last frame of the chain&apos;s last clip</source>
        <translation>A new clip starting on the last frame of the chain&apos;s last clip</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="114"/>
        <source>&amp;Join chain…</source>
        <translation>&amp;Join chain…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="117"/>
        <source>&amp;Compare chain</source>
        <translation>&amp;Compare chain</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="129"/>
        <source>Family (%n video(s))</source>
        <translation>
            <numerusform>Family (%n video)</numerusform>
            <numerusform>Family (%n videos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="131"/>
        <source>Chain, in playing order (%n clip(s))</source>
        <translation>
            <numerusform>Chain, in playing order (%n clip)</numerusform>
            <numerusform>Chain, in playing order (%n clips)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Frame</name>
    <message>
        <location filename="../../gui/frame.py" line="98"/>
        <location filename="../../gui/frame.py" line="155"/>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="99"/>
        <location filename="../../gui/frame.py" line="156"/>
        <source>&amp;Library</source>
        <translation>&amp;Library</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="141"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="142"/>
        <source>&amp;Batch…</source>
        <translation>&amp;Batch…</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="144"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="147"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="150"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="154"/>
        <source>&amp;Generate form</source>
        <translation>&amp;Generate form</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="157"/>
        <source>&amp;Player</source>
        <translation>&amp;Player</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="165"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="166"/>
        <source>&amp;About ClipDesk</source>
        <translation>&amp;About ClipDesk</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="135"/>
        <source>%1: not played yet</source>
        <translation>%1: not played yet</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="136"/>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../gui/frame.py" line="137"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>GeneratePanel</name>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="121"/>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="123"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="130"/>
        <source>Generation mode</source>
        <translation>Generation mode</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="131"/>
        <source>First frame</source>
        <translation>First frame</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="132"/>
        <source>Last frame</source>
        <translation>Last frame</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="134"/>
        <source>Reference images</source>
        <translation>Reference images</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="137"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="138"/>
        <source>Describe the video: subject, action, camera, mood…</source>
        <translation>Describe the video: subject, action, camera, mood…</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="143"/>
        <source>Negative prompt</source>
        <translation>Negative prompt</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="144"/>
        <source>What the video should not show</source>
        <translation>What the video should not show</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="152"/>
        <source>Number of videos</source>
        <translation>Number of videos</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="153"/>
        <source>Make several videos from the same settings, each with its own seed</source>
        <translation>Make several videos from the same settings, each with its own seed</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="157"/>
        <source>What is missing</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="160"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="163"/>
        <source>Generate (Ctrl+Enter)</source>
        <translation>Generate (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="171"/>
        <source>&amp;Batch…</source>
        <translation>&amp;Batch…</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="173"/>
        <source>Queue one task per image in a folder, or per line of a CSV file</source>
        <translation>Queue one task per image in a folder, or per line of a CSV file</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="178"/>
        <source>C&amp;onnection:</source>
        <translation>C&amp;onnection:</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="179"/>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="183"/>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="185"/>
        <source>&amp;Negative:</source>
        <translation>&amp;Negative:</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="188"/>
        <source>&amp;Copies:</source>
        <translation>&amp;Copies:</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="284"/>
        <source>This version of ClipDesk cannot talk to “%1” yet</source>
        <translation>This version of ClipDesk cannot talk to “%1” yet</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="320"/>
        <source>Model id, e.g. as the gateway lists it</source>
        <translation>Model id, e.g. as the gateway lists it</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="400"/>
        <source>Choose a connection this version of ClipDesk supports.</source>
        <translation>Choose a connection this version of ClipDesk supports.</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="403"/>
        <source>This connection has no base URL: set it in Settings → Connections.</source>
        <translation>This connection has no base URL: set it in Settings → Connections.</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="446"/>
        <source>Price unknown — set it in Settings</source>
        <translation>Price unknown — set it in Settings</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="451"/>
        <source>≈ %1 (list price)</source>
        <translation>≈ %1 (list price)</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="454"/>
        <source>The vendor&apos;s list price; gateways resell at their own rates — set yours in Settings.</source>
        <translation>The vendor&apos;s list price; gateways resell at their own rates — set yours in Settings.</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="466"/>
        <source>Mode: %1</source>
        <translation>Mode: %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="434"/>
        <source>Continues task %1</source>
        <translation>Continues task %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="169"/>
        <source>Estimated cost</source>
        <translation>Estimated cost</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="458"/>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="432"/>
        <source>Settings of task %1</source>
        <translation>Settings of task %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="468"/>
        <source>add a first frame</source>
        <translation>add a first frame</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="469"/>
        <source>add a first and a last frame</source>
        <translation>add a first and a last frame</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="470"/>
        <source>add reference images</source>
        <translation>add reference images</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="472"/>
        <source>Mode: %1 — %2</source>
        <translation>Mode: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="473"/>
        <source>write a prompt</source>
        <translation>write a prompt</translation>
    </message>
    <message>
        <location filename="../../gui/views/generate_panel.py" line="411"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 cannot be used: %2</translation>
    </message>
</context>
<context>
    <name>GroupBar</name>
    <message>
        <location filename="../../gui/views/library_group.py" line="25"/>
        <source>← &amp;Back</source>
        <translation>← &amp;Back</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_group.py" line="26"/>
        <source>Back to every video (Backspace)</source>
        <translation>Back to every video (Backspace)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_group.py" line="27"/>
        <source>Back to every video</source>
        <translation>Back to every video</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_group.py" line="70"/>
        <source>A group of %n video(s) of one prompt: %1</source>
        <translation>
            <numerusform>A group of %n video of one prompt: %1</numerusform>
            <numerusform>A group of %n videos of one prompt: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_group.py" line="71"/>
        <source>(no prompt)</source>
        <translation>(no prompt)</translation>
    </message>
</context>
<context>
    <name>ImageSlot</name>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="91"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="92"/>
        <source>Choose an image for %1</source>
        <translation>Choose an image for %1</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="93"/>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="94"/>
        <source>Paste an image into %1</source>
        <translation>Paste an image into %1</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="95"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="96"/>
        <source>Clear %1</source>
        <translation>Clear %1</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="167"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="249"/>
        <source>Drop, paste or choose up to %1 images (%2 added)</source>
        <translation>Drop, paste or choose up to %1 images (%2 added)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="254"/>
        <source>Drop an image or its web address here, paste, or choose a file</source>
        <translation>Drop an image or its web address here, paste, or choose a file</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="267"/>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="295"/>
        <source>Not usable: %1</source>
        <translation>Not usable: %1</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="297"/>
        <source>%1 cannot be read as an image</source>
        <translation>%1 cannot be read as an image</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="304"/>
        <source>will be scaled down to fit the provider&apos;s limit of %1 px</source>
        <translation>will be scaled down to fit the provider&apos;s limit of %1 px</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="315"/>
        <source>will be scaled up to the provider&apos;s minimum of %1 px</source>
        <translation>will be scaled up to the provider&apos;s minimum of %1 px</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="320"/>
        <source>transparency will be filled with white</source>
        <translation>transparency will be filled with white</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_slot.py" line="343"/>
        <source>ClipDesk&apos;s check, nothing was sent: %1</source>
        <translation>ClipDesk&apos;s check, nothing was sent: %1</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="57"/>
        <source>Join videos</source>
        <translation>Join videos</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="64"/>
        <source>Clips, in order</source>
        <translation>Clips, in order</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="70"/>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="72"/>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="77"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="78"/>
        <source>Cross-fade</source>
        <translation>Cross-fade</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="82"/>
        <source>Clips that agree are copied as they are; others are re-encoded.</source>
        <translation>Clips that agree are copied as they are; others are re-encoded.</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="84"/>
        <source>&amp;Join</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="87"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="98"/>
        <source>Cross-fade:</source>
        <translation>Cross-fade:</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="104"/>
        <source>Clips, in the order they will play (drag to reorder):</source>
        <translation>Clips, in the order they will play (drag to reorder):</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="130"/>
        <source>Joining…</source>
        <translation>Joining…</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="159"/>
        <source>Joined into the library: %1</source>
        <translation>Joined into the library: %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="161"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="169"/>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="172"/>
        <source>These clips cannot be joined: %1</source>
        <translation>These clips cannot be joined: %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/join_dialog.py" line="183"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>KnownUrlsButton</name>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="62"/>
        <source>Known base URLs</source>
        <translation>Known base URLs</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/base_urls.py" line="61"/>
        <source>Known a&amp;ddresses</source>
        <translation>Known a&amp;ddresses</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../gui/models/library_model.py" line="279"/>
        <source>seed %1</source>
        <translation>seed %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/library_model.py" line="404"/>
        <source>(no prompt)</source>
        <translation>(no prompt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/library_model.py" line="419"/>
        <source>%n video(s) of one prompt: open to see each</source>
        <translation>
            <numerusform>%n video of one prompt: open to see each</numerusform>
            <numerusform>%n videos of one prompt: open to see each</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/library_model.py" line="424"/>
        <source>New: not played yet</source>
        <translation>New: not played yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/library_model.py" line="429"/>
        <source>Group of %n video(s): %1</source>
        <translation>
            <numerusform>Group of %n video: %1</numerusform>
            <numerusform>Group of %n videos: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/library_model.py" line="430"/>
        <source>New: %1</source>
        <translation>New: %1</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../gui/views/library_view.py" line="97"/>
        <source>Search prompts…</source>
        <translation>Search prompts…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="99"/>
        <source>Search the library</source>
        <translation>Search the library</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="101"/>
        <source>Filter by connection</source>
        <translation>Filter by connection</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="103"/>
        <source>Filter by model</source>
        <translation>Filter by model</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="126"/>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="128"/>
        <source>Add videos made elsewhere, or re-index a folder (with the settings they were made with)</source>
        <translation>Add videos made elsewhere, or re-index a folder (with the settings they were made with)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="130"/>
        <location filename="../../gui/views/library_view.py" line="441"/>
        <source>Import videos</source>
        <translation>Import videos</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="133"/>
        <source>Import &amp;videos…</source>
        <translation>Import &amp;videos…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="134"/>
        <source>Re-index a &amp;folder…</source>
        <translation>Re-index a &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="451"/>
        <source>Re-index a folder</source>
        <translation>Re-index a folder</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="445"/>
        <source>Videos (%1)</source>
        <translation>Videos (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="463"/>
        <source>Looking for videos…</source>
        <translation>Looking for videos…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="470"/>
        <source>Import failed: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="473"/>
        <source>%n video(s) added to the library</source>
        <translation>
            <numerusform>%n video added to the library</numerusform>
            <numerusform>%n videos added to the library</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="475"/>
        <source>No new videos found</source>
        <translation>No new videos found</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="105"/>
        <source>Filter by date</source>
        <translation>Filter by date</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="107"/>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="108"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="109"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="110"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="138"/>
        <source>Li&amp;st</source>
        <translation>Li&amp;st</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="220"/>
        <source>Re&amp;name…</source>
        <translation>Re&amp;name…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="221"/>
        <source>Move to &amp;trash</source>
        <translation>Move to &amp;trash</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="222"/>
        <source>Re&amp;store</source>
        <translation>Re&amp;store</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="225"/>
        <source>Show &amp;each video of the group</source>
        <translation>Show &amp;each video of the group</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="284"/>
        <source>%n video(s) in the trash</source>
        <translation>
            <numerusform>%n video in the trash</numerusform>
            <numerusform>%n videos in the trash</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="413"/>
        <source>Rename video</source>
        <translation>Rename video</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="414"/>
        <source>Title (empty: the prompt):</source>
        <translation>Title (empty: the prompt):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="431"/>
        <source>Moved %n video(s) to the trash</source>
        <translation>
            <numerusform>Moved %n video to the trash</numerusform>
            <numerusform>Moved %n videos to the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="438"/>
        <source>Restored %n video(s)</source>
        <translation>
            <numerusform>Restored %n video</numerusform>
            <numerusform>Restored %n videos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="139"/>
        <source>Show as a list instead of a grid</source>
        <translation>Show as a list instead of a grid</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="140"/>
        <source>Show as a list</source>
        <translation>Show as a list</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="143"/>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Empty trash…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="144"/>
        <source>Delete every video in the trash permanently</source>
        <translation>Delete every video in the trash permanently</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="148"/>
        <source>De&amp;tails</source>
        <translation>De&amp;tails</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="149"/>
        <source>Show how the selected video was made (Ctrl+I)</source>
        <translation>Show how the selected video was made (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="150"/>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="153"/>
        <source>Video library</source>
        <translation>Video library</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="211"/>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="212"/>
        <source>Toggle &amp;favourite</source>
        <translation>Toggle &amp;favourite</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="213"/>
        <source>&amp;Reuse settings</source>
        <translation>&amp;Reuse settings</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="215"/>
        <source>&amp;Last frame → new task</source>
        <translation>&amp;Last frame → new task</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="217"/>
        <source>&amp;Open in system player</source>
        <translation>&amp;Open in system player</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="218"/>
        <source>Show in &amp;folder</source>
        <translation>Show in &amp;folder</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="223"/>
        <source>&amp;Delete permanently…</source>
        <translation>&amp;Delete permanently…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="227"/>
        <source>&amp;Back to every video</source>
        <translation>&amp;Back to every video</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="230"/>
        <source>Video menu</source>
        <translation>Video menu</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="231"/>
        <source>Show de&amp;tails</source>
        <translation>Show de&amp;tails</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="245"/>
        <source>All connections</source>
        <translation>All connections</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="246"/>
        <source>All models</source>
        <translation>All models</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="288"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="400"/>
        <source>Taking the last frame…</source>
        <translation>Taking the last frame…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="114"/>
        <source>Filter by state</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="116"/>
        <source>New: made here, not played yet. Trash: videos moved to the trash, to restore them</source>
        <translation>New: made here, not played yet. Trash: videos moved to the trash, to restore them</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="119"/>
        <source>All videos</source>
        <translation>All videos</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="120"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="121"/>
        <source>★ Favourites</source>
        <translation>★ Favourites</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="122"/>
        <source>Trash</source>
        <translation>Trash</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="286"/>
        <source>%n new video(s)</source>
        <translation>
            <numerusform>%n new video</numerusform>
            <numerusform>%n new videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_view.py" line="290"/>
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="219"/>
        <source>Save a &amp;copy to…</source>
        <translation>Save a &amp;copy to…</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="490"/>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_view.py" line="500"/>
        <source>Saved a copy: %1</source>
        <translation>Saved a copy: %1</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="40"/>
        <source>Task log: %1</source>
        <translation>Task log: %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="45"/>
        <source>Task log</source>
        <translation>Task log</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="46"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="48"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="61"/>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="63"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="66"/>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="71"/>
        <source>(nothing logged yet)</source>
        <translation>(nothing logged yet)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="91"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <source>%1 running · %2 queued · %3 done</source>
        <translation>%1 running · %2 queued · %3 done</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>No API key for “%1”. Add one in Settings → Connections.</source>
        <translation>No API key for “%1”. Add one in Settings → Connections.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="231"/>
        <source>%n task(s) queued</source>
        <translation>
            <numerusform>%n task queued</numerusform>
            <numerusform>%n tasks queued</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263"/>
        <source>The new language applies the next time ClipDesk starts.</source>
        <translation>The new language applies the next time ClipDesk starts.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="298"/>
        <location filename="../../gui/selftest.py" line="267"/>
        <source>About ClipDesk</source>
        <translation>About ClipDesk</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="294"/>
        <source>ClipDesk %1
Turns images and text into videos through the providers you already pay for.</source>
        <translation>ClipDesk %1
Turns images and text into videos through the providers you already pay for.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="302"/>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation>Free software under the GNU General Public License, version 3 or later.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="318"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="319"/>
        <source>Third-party notices</source>
        <translation>Third-party notices</translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <location filename="../../gui/texts.py" line="124"/>
        <source>Text to video</source>
        <translation>Text to video</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="125"/>
        <source>Image to video</source>
        <translation>Image to video</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="126"/>
        <source>First and last frame</source>
        <translation>First and last frame</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="127"/>
        <source>Reference images</source>
        <translation>Reference images</translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <location filename="../../gui/views/model_form.py" line="104"/>
        <location filename="../../gui/views/model_form.py" line="180"/>
        <source>Unconfirmed field — %1</source>
        <translation>Unconfirmed field — %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="65"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="67"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="70"/>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="72"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="73"/>
        <source>The same seed with the same settings gives a similar video</source>
        <translation>The same seed with the same settings gives a similar video</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="80"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="81"/>
        <source>&amp;Resolution:</source>
        <translation>&amp;Resolution:</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="82"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="117"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="184"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="136"/>
        <source>Not sent (the provider decides), or type e.g. 720p</source>
        <translation>Not sent (the provider decides), or type e.g. 720p</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="193"/>
        <source>%1 — model default</source>
        <translation>%1 — model default</translation>
    </message>
    <message>
        <location filename="../../gui/views/model_form.py" line="197"/>
        <source>Not sent — the provider decides</source>
        <translation>Not sent — the provider decides</translation>
    </message>
</context>
<context>
    <name>NewBadge</name>
    <message numerus="yes">
        <location filename="../../gui/frame.py" line="69"/>
        <source>%n new video(s)</source>
        <translation>
            <numerusform>%n new video</numerusform>
            <numerusform>%n new videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Param</name>
    <message>
        <location filename="../../gui/texts.py" line="254"/>
        <source>Camera movement</source>
        <translation>Camera movement</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="255"/>
        <source>Aspect ratio</source>
        <translation>Aspect ratio</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="256"/>
        <source>Frame rate</source>
        <translation>Frame rate</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="257"/>
        <source>Motion</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="258"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="259"/>
        <source>Rewrite prompt</source>
        <translation>Rewrite prompt</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="260"/>
        <source>Watermark</source>
        <translation>Watermark</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="261"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="262"/>
        <source>Audio URL</source>
        <translation>Audio URL</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="263"/>
        <source>Movement amplitude</source>
        <translation>Movement amplitude</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="264"/>
        <source>Background music</source>
        <translation>Background music</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="265"/>
        <source>Quality mode</source>
        <translation>Quality mode</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="266"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="267"/>
        <source>Prompt strength (CFG)</source>
        <translation>Prompt strength (CFG)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="268"/>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="269"/>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="270"/>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="271"/>
        <source>Sound effects</source>
        <translation>Sound effects</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="272"/>
        <source>Sound effect description</source>
        <translation>Sound effect description</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="273"/>
        <source>Lip sync</source>
        <translation>Lip sync</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="274"/>
        <source>Lip sync text</source>
        <translation>Lip sync text</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="275"/>
        <source>Lip sync voice</source>
        <translation>Lip sync voice</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="276"/>
        <source>Template id</source>
        <translation>Template id</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="277"/>
        <source>Generate audio</source>
        <translation>Generate audio</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="278"/>
        <source>Multiple shots</source>
        <translation>Multiple shots</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="289"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="290"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="291"/>
        <source>Smooth zoom in</source>
        <translation>Smooth zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="292"/>
        <source>Quick zoom in</source>
        <translation>Quick zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="293"/>
        <source>Quick zoom out</source>
        <translation>Quick zoom out</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="294"/>
        <source>Truck left</source>
        <translation>Truck left</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="295"/>
        <source>Truck right</source>
        <translation>Truck right</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="296"/>
        <source>Pedestal up</source>
        <translation>Pedestal up</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="297"/>
        <source>Pedestal down</source>
        <translation>Pedestal down</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="298"/>
        <source>Pan left</source>
        <translation>Pan left</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="299"/>
        <source>Pan right</source>
        <translation>Pan right</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="300"/>
        <source>Crane up</source>
        <translation>Crane up</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="301"/>
        <source>Camera roll</source>
        <translation>Camera roll</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="302"/>
        <source>Super dolly out</source>
        <translation>Super dolly out</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="303"/>
        <source>Static</source>
        <translation>Static</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="304"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="305"/>
        <source>Fast</source>
        <translation>Fast</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="306"/>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="307"/>
        <source>Small</source>
        <translation>Small</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="308"/>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="309"/>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="310"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="311"/>
        <source>Anime</source>
        <translation>Anime</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="312"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="313"/>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
</context>
<context>
    <name>Place</name>
    <message>
        <location filename="../../gui/frame.py" line="37"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../../gui/player/player.py" line="61"/>
        <source>Video player</source>
        <translation>Video player</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="79"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="82"/>
        <source>Double-click a finished video to play it here</source>
        <translation>Double-click a finished video to play it here</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="86"/>
        <source>Playback unavailable: the Qt multimedia components are missing. Use “Open in system player”.</source>
        <translation>Playback unavailable: the Qt multimedia components are missing. Use “Open in system player”.</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="113"/>
        <source>Play / pause (Space)</source>
        <translation>Play / pause (Space)</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="114"/>
        <source>Previous frame (← or ,)</source>
        <translation>Previous frame (← or ,)</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="115"/>
        <source>Next frame (→ or .)</source>
        <translation>Next frame (→ or .)</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="117"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="123"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="124"/>
        <source>Loop (L)</source>
        <translation>Loop (L)</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="126"/>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="127"/>
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="132"/>
        <source>Mute (M)</source>
        <translation>Mute (M)</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="134"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="143"/>
        <source>Open in system player</source>
        <translation>Open in system player</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="216"/>
        <source>Playback unavailable here. “Open in system player” plays %1.</source>
        <translation>Playback unavailable here. “Open in system player” plays %1.</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="377"/>
        <source>This video cannot be played: %1</source>
        <translation>This video cannot be played: %1</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="68"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../gui/player/player.py" line="140"/>
        <source>Full screen (F, double-click; Esc leaves)</source>
        <translation>Full screen (F, double-click; Esc leaves)</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <location filename="../../gui/texts.py" line="379"/>
        <source>The offline preview needs no key and no network.</source>
        <translation>The offline preview needs no key and no network.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="380"/>
        <source>There is no API key for this connection.</source>
        <translation>There is no API key for this connection.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="382"/>
        <source>The server could not be reached: check the base URL, the network and any proxy.</source>
        <translation>The server could not be reached: check the base URL, the network and any proxy.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="385"/>
        <source>The server answered, but refused the key (HTTP {status}: {words}).</source>
        <translation>The server answered, but refused the key (HTTP {status}: {words}).</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="388"/>
        <source>Something answered HTTP {status}, but not as this API would: check the base URL (with any path prefix the gateway needs, such as /alibailian).</source>
        <translation>Something answered HTTP {status}, but not as this API would: check the base URL (with any path prefix the gateway needs, such as /alibailian).</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="393"/>
        <source>The server answered HTTP {status}: {words}. The key may be fine.</source>
        <translation>The server answered HTTP {status}: {words}. The key may be fine.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="394"/>
        <source>The key was accepted: asked for a task that cannot exist, DashScope answered {status}. Nothing was created. DashScope offers no balance call for an API key; see the Model Studio console.</source>
        <translation>The key was accepted: asked for a task that cannot exist, DashScope answered {status}. Nothing was created. DashScope offers no balance call for an API key; see the Model Studio console.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="400"/>
        <source>The key was accepted. Balance: {amount} credits.</source>
        <translation>The key was accepted. Balance: {amount} credits.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="401"/>
        <source>The key was accepted: {name} answered &apos;not found&apos; for a video that cannot exist.</source>
        <translation>The key was accepted: {name} answered &apos;not found&apos; for a video that cannot exist.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="404"/>
        <source>The key was accepted: {name} answered &apos;not found&apos; for a task that cannot exist.</source>
        <translation>The key was accepted: {name} answered &apos;not found&apos; for a task that cannot exist.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="407"/>
        <source>Balance: {amount} USD.</source>
        <translation>Balance: {amount} USD.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="408"/>
        <source>(AiSphere&apos;s look-up route is a guess until its docs name one.)</source>
        <translation>(AiSphere&apos;s look-up route is a guess until its docs name one.)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="411"/>
        <source>PixVerse refused the key: {words}</source>
        <translation>PixVerse refused the key: {words}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="412"/>
        <source>The key was accepted: the list of videos came back.</source>
        <translation>The key was accepted: the list of videos came back.</translation>
    </message>
</context>
<context>
    <name>Provider</name>
    <message>
        <location filename="../../gui/texts.py" line="437"/>
        <source>Alibaba Bailian / DashScope</source>
        <translation>Alibaba Bailian / DashScope</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="438"/>
        <source>PixVerse</source>
        <translation>PixVerse</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="439"/>
        <source>new-api gateway (Kling, Jimeng, Vidu)</source>
        <translation>new-api gateway (Kling, Jimeng, Vidu)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="440"/>
        <source>OpenAI videos (Sora) or a compatible gateway</source>
        <translation>OpenAI videos (Sora) or a compatible gateway</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="441"/>
        <source>AiSphere gateway (PixVerse models)</source>
        <translation>AiSphere gateway (PixVerse models)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="442"/>
        <source>UniAll (Vidu Q3)</source>
        <translation>UniAll (Vidu Q3)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="443"/>
        <source>Offline preview</source>
        <translation>Offline preview</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../gui/views/queue_view.py" line="142"/>
        <source>Filter by prompt, model, connection, seed or state…</source>
        <translation>Filter by prompt, model, connection, seed or state…</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="144"/>
        <source>Filter tasks</source>
        <translation>Filter tasks</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="147"/>
        <source>Show tasks</source>
        <translation>Show tasks</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="149"/>
        <source>All tasks</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="150"/>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="151"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="152"/>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="157"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="158"/>
        <source>Pause or resume a connection&apos;s queue</source>
        <translation>Pause or resume a connection&apos;s queue</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="159"/>
        <source>Pause or resume connections</source>
        <translation>Pause or resume connections</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="167"/>
        <source>Task queue</source>
        <translation>Task queue</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="233"/>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="234"/>
        <source>&amp;Open in system player</source>
        <translation>&amp;Open in system player</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="235"/>
        <source>Show in &amp;folder</source>
        <translation>Show in &amp;folder</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="236"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="237"/>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="239"/>
        <source>Re&amp;move from list</source>
        <translation>Re&amp;move from list</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="241"/>
        <source>Copy remote &amp;id</source>
        <translation>Copy remote &amp;id</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="242"/>
        <source>Show request/response &amp;log</source>
        <translation>Show request/response &amp;log</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="244"/>
        <source>Decide about unknown &amp;submit…</source>
        <translation>Decide about unknown &amp;submit…</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="248"/>
        <source>Task menu</source>
        <translation>Task menu</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="356"/>
        <source>Pause “%1”</source>
        <translation>Pause “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="412"/>
        <source>Remove tasks</source>
        <translation>Remove tasks</translation>
    </message>
    <message>
        <location filename="../../gui/views/queue_view.py" line="413"/>
        <source>%1 of these tasks are still running. Cancel and remove them?</source>
        <translation>%1 of these tasks are still running. Cancel and remove them?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/queue_view.py" line="431"/>
        <source>Copied %n remote id(s)</source>
        <translation>
            <numerusform>Copied %n remote id</numerusform>
            <numerusform>Copied %n remote ids</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="84"/>
        <source>Unknown submit</source>
        <translation>Unknown submit</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="87"/>
        <source>ClipDesk sent this task but never heard back. The provider may have created it and charged for it, so ClipDesk will not send it again by itself.

Check the provider&apos;s console. If the task is there, enter its id to follow it. Otherwise send it again (it may be charged twice if it did exist), or drop it.</source>
        <translation>ClipDesk sent this task but never heard back. The provider may have created it and charged for it, so ClipDesk will not send it again by itself.

Check the provider&apos;s console. If the task is there, enter its id to follow it. Otherwise send it again (it may be charged twice if it did exist), or drop it.</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="96"/>
        <location filename="../../gui/views/task_dialogs.py" line="97"/>
        <source>The provider&apos;s task id</source>
        <translation>The provider&apos;s task id</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="98"/>
        <source>&amp;Task id at the provider:</source>
        <translation>&amp;Task id at the provider:</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="101"/>
        <source>&amp;Follow this id</source>
        <translation>&amp;Follow this id</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="103"/>
        <source>&amp;Send again</source>
        <translation>&amp;Send again</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="104"/>
        <source>&amp;Drop task</source>
        <translation>&amp;Drop task</translation>
    </message>
    <message>
        <location filename="../../gui/views/task_dialogs.py" line="108"/>
        <source>Decide &amp;later</source>
        <translation>Decide &amp;later</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="56"/>
        <source>No system keyring is available (Secret Service, macOS Keychain or Windows Credential Locker). ClipDesk keeps the key in memory for this session only and never writes it to disk; you will be asked again next time.</source>
        <translation>No system keyring is available (Secret Service, macOS Keychain or Windows Credential Locker). ClipDesk keeps the key in memory for this session only and never writes it to disk; you will be asked again next time.</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="81"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="93"/>
        <source>&amp;Connections</source>
        <translation>&amp;Connections</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="94"/>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="124"/>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="126"/>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="127"/>
        <location filename="../../gui/views/settings_dialog.py" line="427"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="131"/>
        <source>Connection name</source>
        <translation>Connection name</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="133"/>
        <source>Provider type</source>
        <translation>Provider type</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="139"/>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="143"/>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="144"/>
        <source>Sho&amp;w</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="154"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="155"/>
        <source>No proxy</source>
        <translation>No proxy</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="156"/>
        <source>System proxy</source>
        <translation>System proxy</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="157"/>
        <source>Custom proxy</source>
        <translation>Custom proxy</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="159"/>
        <source>Proxy address</source>
        <translation>Proxy address</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="179"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="189"/>
        <source>The offline preview works without a key or a network.</source>
        <translation>The offline preview works without a key or a network.</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="203"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="204"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="205"/>
        <source>&amp;Base URL:</source>
        <translation>&amp;Base URL:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="211"/>
        <source>API &amp;key:</source>
        <translation>API &amp;key:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="214"/>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="300"/>
        <source>Saved. Type a new key to replace it</source>
        <translation>Saved. Type a new key to replace it</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="300"/>
        <source>Paste the API key</source>
        <translation>Paste the API key</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="391"/>
        <source>API documentation</source>
        <translation>API documentation</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="401"/>
        <source>New connection</source>
        <translation>New connection</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="457"/>
        <source>Enter an API key first.</source>
        <translation>Enter an API key first.</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="460"/>
        <source>The base URL must start with http:// or https://</source>
        <translation>The base URL must start with http:// or https://</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="462"/>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="468"/>
        <location filename="../../gui/views/settings_dialog.py" line="477"/>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="497"/>
        <location filename="../../gui/views/settings_dialog.py" line="535"/>
        <source>Output folder</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="498"/>
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="504"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="505"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="515"/>
        <source>Notify me when a task ends</source>
        <translation>Notify me when a task ends</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="517"/>
        <source>A new language applies the next time ClipDesk starts.</source>
        <translation>A new language applies the next time ClipDesk starts.</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="521"/>
        <source>&amp;Output folder:</source>
        <translation>&amp;Output folder:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="522"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="546"/>
        <source>Every connection needs a name.</source>
        <translation>Every connection needs a name.</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="548"/>
        <source>Two connections are named “%1”.</source>
        <translation>Two connections are named “%1”.</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="551"/>
        <source>“%1” needs a base URL starting with http:// or https://</source>
        <translation>“%1” needs a base URL starting with http:// or https://</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="557"/>
        <source>The proxy of “%1” must look like http://host:port</source>
        <translation>The proxy of “%1” must look like http://host:port</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="218"/>
        <source>&amp;Daily cap:</source>
        <translation>&amp;Daily cap:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="219"/>
        <source>&amp;Monthly cap:</source>
        <translation>&amp;Monthly cap:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="341"/>
        <source>A price reads model=AMOUNT[CNY|USD|credits]/second|clip|credit: “%1”</source>
        <translation>A price reads model=AMOUNT[CNY|USD|credits]/second|clip|credit: “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="329"/>
        <source>A spending cap is a number (or empty for none): “%1”</source>
        <translation>A spending cap is a number (or empty for none): “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="473"/>
        <source>Connection works: %1</source>
        <translation>Connection works: %1</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="169"/>
        <source>Daily spending cap</source>
        <translation>Daily spending cap</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="171"/>
        <source>Monthly spending cap</source>
        <translation>Monthly spending cap</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="173"/>
        <source>No cap (in the currency of this connection&apos;s prices)</source>
        <translation>No cap (in the currency of this connection&apos;s prices)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="366"/>
        <source>Nothing spent this month.</source>
        <translation>Nothing spent this month.</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="220"/>
        <source>Own pr&amp;ices:</source>
        <translation>Own pr&amp;ices:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="175"/>
        <source>Own prices</source>
        <translation>Own prices</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="361"/>
        <source>This month: charged %1, estimated %2 (today %3)</source>
        <translation>This month: charged %1, estimated %2 (today %3)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="176"/>
        <source>model=0.5CNY/second, other=2USD/clip (gateway rates)</source>
        <translation>model=0.5CNY/second, other=2USD/clip (gateway rates)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="510"/>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="511"/>
        <source>Follow the system (dark if it does not say)</source>
        <translation>Follow the system (dark if it does not say)</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="512"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="513"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="528"/>
        <source>&amp;Appearance:</source>
        <translation>&amp;Appearance:</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="420"/>
        <source>Remove connection</source>
        <translation>Remove connection</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_dialog.py" line="421"/>
        <source>Remove “%1”? Its API key is deleted from the keyring when you press OK.</source>
        <translation>Remove “%1”? Its API key is deleted from the keyring when you press OK.</translation>
    </message>
</context>
<context>
    <name>Story</name>
    <message>
        <location filename="../../gui/views/story.py" line="49"/>
        <source>retry</source>
        <translation>retry</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="50"/>
        <source>reused settings</source>
        <translation>reused settings</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="51"/>
        <source>variation</source>
        <translation>variation</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="52"/>
        <source>continues</source>
        <translation>continues</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="53"/>
        <source>extends</source>
        <translation>extends</translation>
    </message>
</context>
<context>
    <name>StoryActions</name>
    <message>
        <location filename="../../gui/views/story.py" line="158"/>
        <source>Family and &amp;chain…</source>
        <translation>Family and &amp;chain…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="159"/>
        <source>E&amp;xtend chain</source>
        <translation>E&amp;xtend chain</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="160"/>
        <source>Co&amp;mpare (2–4)…</source>
        <translation>Co&amp;mpare (2–4)…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="161"/>
        <source>&amp;Join into one video…</source>
        <translation>&amp;Join into one video…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="162"/>
        <source>&amp;Variations…</source>
        <translation>&amp;Variations…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="163"/>
        <source>Open its &amp;group…</source>
        <translation>Open its &amp;group…</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="209"/>
        <source>Select 2 to 4 videos to compare.</source>
        <translation>Select 2 to 4 videos to compare.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="222"/>
        <source>%n variation(s) queued</source>
        <translation>
            <numerusform>%n variation queued</numerusform>
            <numerusform>%n variations queued</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="232"/>
        <source>This video was not made in a group.</source>
        <translation>This video was not made in a group.</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="241"/>
        <source>Its group has only one finished video yet.</source>
        <translation>Its group has only one finished video yet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="246"/>
        <source>Group of %n video(s)</source>
        <translation>
            <numerusform>Group of %n video</numerusform>
            <numerusform>Group of %n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/story.py" line="264"/>
        <source>%n video(s) moved to the trash</source>
        <translation>
            <numerusform>%n video moved to the trash</numerusform>
            <numerusform>%n videos moved to the trash</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="271"/>
        <source>Select at least two videos to join.</source>
        <translation>Select at least two videos to join.</translation>
    </message>
    <message>
        <location filename="../../gui/views/story.py" line="257"/>
        <source>%1 · seed %2</source>
        <translation>%1 · seed %2</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <location filename="../../gui/models/task_model.py" line="568"/>
        <source>Waiting its turn</source>
        <translation>Waiting its turn</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="514"/>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="515"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="516"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="517"/>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="518"/>
        <source>Elapsed</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="519"/>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="520"/>
        <source>Link expires</source>
        <translation>Link expires</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="521"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="535"/>
        <location filename="../../gui/models/task_model.py" line="579"/>
        <source>(no prompt)</source>
        <translation>(no prompt)</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="553"/>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="556"/>
        <source>Submit outcome unknown: check the provider</source>
        <translation>Submit outcome unknown: check the provider</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="574"/>
        <source>%1 (paused)</source>
        <translation>%1 (paused)</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="581"/>
        <source>Negative: %1</source>
        <translation>Negative: %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="587"/>
        <source>Remote id: %1</source>
        <translation>Remote id: %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="589"/>
        <source>Provider status: %1</source>
        <translation>Provider status: %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="599"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_model.py" line="548"/>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
</context>
<context>
    <name>TaskNotifier</name>
    <message>
        <location filename="../../gui/tray.py" line="42"/>
        <source>Show ClipDesk</source>
        <translation>Show ClipDesk</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="46"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="128"/>
        <source>Video ready</source>
        <translation>Video ready</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="131"/>
        <source>A task needs your decision</source>
        <translation>A task needs your decision</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="133"/>
        <source>Task expired</source>
        <translation>Task expired</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="135"/>
        <source>Task failed</source>
        <translation>Task failed</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="43"/>
        <source>Play the latest video</source>
        <translation>Play the latest video</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="111"/>
        <source>Batch finished</source>
        <translation>Batch finished</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="103"/>
        <source>%n video(s) ready</source>
        <translation>
            <numerusform>%n video ready</numerusform>
            <numerusform>%n videos ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="105"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="107"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRows</name>
    <message>
        <location filename="../../gui/models/task_rows.py" line="42"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="46"/>
        <source>seed %1</source>
        <translation>seed %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="71"/>
        <source>Not charged</source>
        <translation>Not charged</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="56"/>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="79"/>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <location filename="../../gui/models/task_rows.py" line="90"/>
        <source>An estimate: the provider has not reported a charge.</source>
        <translation>An estimate: the provider has not reported a charge.</translation>
    </message>
</context>
<context>
    <name>TaskState</name>
    <message>
        <location filename="../../gui/texts.py" line="43"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="44"/>
        <source>Uploading</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="45"/>
        <source>Submitting</source>
        <translation>Submitting</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="46"/>
        <source>Generating</source>
        <translation>Generating</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="47"/>
        <source>Downloading</source>
        <translation>Downloading</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="48"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="49"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="50"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="51"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="52"/>
        <source>Needs a decision</source>
        <translation>Needs a decision</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="53"/>
        <source>Held by budget</source>
        <translation>Held by budget</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../gui/texts.py" line="162"/>
        <source>Enter a prompt: this model needs one in every mode.</source>
        <translation>Enter a prompt: this model needs one in every mode.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="181"/>
        <source>This model needs a first-frame image in every mode.</source>
        <translation>This model needs a first-frame image in every mode.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="189"/>
        <source>This model needs at least %1 reference images.</source>
        <translation>This model needs at least %1 reference images.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="203"/>
        <source>This model takes no %1.</source>
        <translation>This model takes no %1.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="206"/>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 is longer than %2 characters.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="134"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="136"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="157"/>
        <source>Choose a model.</source>
        <translation>Choose a model.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="160"/>
        <source>Enter a prompt: text to video needs one.</source>
        <translation>Enter a prompt: text to video needs one.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="165"/>
        <source>The prompt is %1 characters; this model takes at most %2.</source>
        <translation>The prompt is %1 characters; this model takes at most %2.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="169"/>
        <source>The prompt contains control characters.</source>
        <translation>The prompt contains control characters.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="172"/>
        <source>This model takes no negative prompt.</source>
        <translation>This model takes no negative prompt.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="174"/>
        <source>The negative prompt is longer than %1 characters.</source>
        <translation>The negative prompt is longer than %1 characters.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="177"/>
        <source>The negative prompt contains control characters.</source>
        <translation>The negative prompt contains control characters.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="180"/>
        <source>A last frame needs a first frame.</source>
        <translation>A last frame needs a first frame.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="184"/>
        <source>This model needs a first-frame image.</source>
        <translation>This model needs a first-frame image.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="186"/>
        <source>This model makes video from text only: remove the images.</source>
        <translation>This model makes video from text only: remove the images.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="187"/>
        <source>This model does not support %1.</source>
        <translation>This model does not support %1.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="193"/>
        <source>This model takes at most %1 reference images.</source>
        <translation>This model takes at most %1 reference images.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="197"/>
        <source>This model cannot make a %1 s video.</source>
        <translation>This model cannot make a %1 s video.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="199"/>
        <source>This model has no %1 resolution.</source>
        <translation>This model has no %1 resolution.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="201"/>
        <source>The seed is out of range.</source>
        <translation>The seed is out of range.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="212"/>
        <source>“%1” is not an allowed value for %2.</source>
        <translation>“%1” is not an allowed value for %2.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="228"/>
        <source>Something unexpected happened: %1</source>
        <translation>Something unexpected happened: %1</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="326"/>
        <source>Offline preview</source>
        <translation>Offline preview</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="328"/>
        <source>Imported videos</source>
        <translation>Imported videos</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="222"/>
        <source>ClipDesk&apos;s check, nothing was sent: %1</source>
        <translation>ClipDesk&apos;s check, nothing was sent: %1</translation>
    </message>
</context>
<context>
    <name>TrashDeletion</name>
    <message>
        <location filename="../../gui/views/library_trash.py" line="75"/>
        <source>Empty trash</source>
        <translation>Empty trash</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="76"/>
        <source>Delete the %n video(s) in the trash permanently?</source>
        <translation>
            <numerusform>Delete the %n video in the trash permanently?</numerusform>
            <numerusform>Delete the %n videos in the trash permanently?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_trash.py" line="78"/>
        <source>Delete permanently</source>
        <translation>Delete permanently</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="79"/>
        <source>Delete %n video(s) permanently?</source>
        <translation>
            <numerusform>Delete %n video permanently?</numerusform>
            <numerusform>Delete %n videos permanently?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/library_trash.py" line="83"/>
        <source>Their files are removed from the disk. This cannot be undone.</source>
        <translation>Their files are removed from the disk. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../gui/views/library_trash.py" line="84"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="97"/>
        <source>Deleted %n video(s) permanently</source>
        <translation>
            <numerusform>Deleted %n video permanently</numerusform>
            <numerusform>Deleted %n videos permanently</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/library_trash.py" line="99"/>
        <source>%n could not be removed (still in the trash)</source>
        <translation>
            <numerusform>%n could not be removed (still in the trash)</numerusform>
            <numerusform>%n could not be removed (still in the trash)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VariationsDialog</name>
    <message>
        <location filename="../../gui/views/variations.py" line="58"/>
        <source>Variations</source>
        <translation>Variations</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="66"/>
        <source>Takes per model and connection</source>
        <translation>Takes per model and connection</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="68"/>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="73"/>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="92"/>
        <source>&amp;Make</source>
        <translation>&amp;Make</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="98"/>
        <source>Takes (each its own seed):</source>
        <translation>Takes (each its own seed):</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="101"/>
        <source>Variations of “%1”</source>
        <translation>Variations of “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="104"/>
        <source>Models:</source>
        <translation>Models:</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="106"/>
        <source>Connections:</source>
        <translation>Connections:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/variations.py" line="143"/>
        <source>%n task(s) will be made, as one group.</source>
        <translation>
            <numerusform>%n task will be made, as one group.</numerusform>
            <numerusform>%n tasks will be made, as one group.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="180"/>
        <source>%1 on “%2”</source>
        <translation>%1 on “%2”</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="184"/>
        <source>%1: price unknown — set it in Settings</source>
        <translation>%1: price unknown — set it in Settings</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="187"/>
        <source>%1: %2 per variation</source>
        <translation>%1: %2 per variation</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="189"/>
        <source>(the vendor&apos;s list price; a gateway may charge otherwise)</source>
        <translation>(the vendor&apos;s list price; a gateway may charge otherwise)</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="194"/>
        <source>Estimated total: %1</source>
        <translation>Estimated total: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/variations.py" line="196"/>
        <source>(and %n variation(s) whose price is unknown)</source>
        <translation>
            <numerusform>(and %n variation whose price is unknown)</numerusform>
            <numerusform>(and %n variations whose price is unknown)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="207"/>
        <source>daily</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="207"/>
        <source>monthly</source>
        <translation>monthly</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="210"/>
        <source>This group would pass the %1 cap of “%2” (%3; %4 spent or in flight, the group %5): the variations over it will wait, held by budget, until the cap is raised or a new day or month.</source>
        <translation>This group would pass the %1 cap of “%2” (%3; %4 spent or in flight, the group %5): the variations over it will wait, held by budget, until the cap is raised or a new day or month.</translation>
    </message>
    <message>
        <location filename="../../gui/views/variations.py" line="228"/>
        <source>“%1” has a spending cap and no price for some of these models: they will be refused there until a price is set in Settings.</source>
        <translation>“%1” has a spending cap and no price for some of these models: they will be refused there until a price is set in Settings.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/variations.py" line="264"/>
        <source>%n task(s) made; these could not be:</source>
        <translation>
            <numerusform>%n task made; these could not be:</numerusform>
            <numerusform>%n tasks made; these could not be:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../gui/welcome.py" line="84"/>
        <source>Welcome to ClipDesk</source>
        <translation>Welcome to ClipDesk</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="89"/>
        <source>ClipDesk turns images and text into videos through the video services you already pay for. Keys stay in your system keyring, and every task is kept, even when ClipDesk closes.</source>
        <translation>ClipDesk turns images and text into videos through the video services you already pay for. Keys stay in your system keyring, and every task is kept, even when ClipDesk closes.</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="97"/>
        <source>&amp;Try the offline preview now</source>
        <translation>&amp;Try the offline preview now</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="104"/>
        <source>Makes a short video on this computer, with no key and no network. It is not AI: it animates your image or a title card, so you can see how the queue, the player and the library work.</source>
        <translation>Makes a short video on this computer, with no key and no network. It is not AI: it animates your image or a title card, so you can see how the queue, the player and the library work.</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="115"/>
        <source>Add a connection</source>
        <translation>Add a connection</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="119"/>
        <source>When you have an API key, add the service it belongs to:</source>
        <translation>When you have an API key, add the service it belongs to:</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="135"/>
        <source>API documentation</source>
        <translation>API documentation</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="142"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="143"/>
        <source>Add a connection: %1</source>
        <translation>Add a connection: %1</translation>
    </message>
    <message>
        <location filename="../../gui/welcome.py" line="149"/>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>WipeView</name>
    <message>
        <location filename="../../gui/views/wipe_view.py" line="33"/>
        <source>Wipe between the two videos</source>
        <translation>Wipe between the two videos</translation>
    </message>
</context>
</TS>
