<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Batch</name>
        <message>
            <location filename="../../gui/batch.py" line="107" />
            <source>Overrides not understood: %1</source>
            <translation>Overrides not understood: %1</translation>
        </message>
        <message>
            <location filename="../../gui/batch.py" line="119" />
            <source>Image not found: %1</source>
            <translation>Image not found: %1</translation>
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="51" />
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="53" />
            <source>A &amp;folder of images</source>
            <translation>A &amp;folder of images</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="54" />
            <source>A &amp;CSV file: image, prompt, overrides</source>
            <translation>A &amp;CSV file: image, prompt, overrides</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="60" />
            <source>Folder or CSV file</source>
            <translation>Folder or CSV file</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="61" />
            <source>B&amp;rowse…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="64" />
            <source>Each image or row becomes a task with the form's current connection, model and settings. CSV overrides look like duration=5;resolution=720p;seed=7.</source>
            <translation>Each image or row becomes a task with the form's current connection, model and settings. CSV overrides look like duration=5;resolution=720p;seed=7.</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="71" />
            <source>Tasks in the batch</source>
            <translation>Tasks in the batch</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="73" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="73" />
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="73" />
            <source>Overrides</source>
            <translation>Overrides</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="73" />
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="84" />
            <source>&amp;Queue</source>
            <translation>&amp;Queue</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="117" />
            <source>Folder of images</source>
            <translation>Folder of images</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="120" />
            <source>CSV file</source>
            <translation>CSV file</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="120" />
            <source>CSV files (*.csv *.txt)</source>
            <translation>CSV files (*.csv *.txt)</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="144" />
            <source>Cannot read %1: %2</source>
            <translation>Cannot read %1: %2</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="157" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../gui/views/batch_dialog.py" line="169" />
            <source>Choose a folder of images or a CSV file.</source>
            <translation>Choose a folder of images or a CSV file.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/batch_dialog.py" line="172" />
            <source>%n task(s) will be queued on “%1” with %2 (%3 per row).</source>
            <translation>
                <numerusform>%n task will be queued on “%1” with %2 (%3 per row).</numerusform>
                <numerusform>%n tasks will be queued on “%1” with %2 (%3 per row).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/batch_dialog.py" line="179" />
            <source>%n row(s) with problems will be skipped.</source>
            <translation>
                <numerusform>%n row with a problem will be skipped.</numerusform>
                <numerusform>%n rows with problems will be skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/batch_dialog.py" line="181" />
            <source>&amp;Queue %n task(s)</source>
            <translation>
                <numerusform>&amp;Queue %n task</numerusform>
                <numerusform>&amp;Queue %n tasks</numerusform>
            </translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Cost</translation>
        </message>
        <message>
            <source>Estimated total: %1</source>
            <translation>Estimated total: %1</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message numerus="yes">
            <location filename="../../gui/views/compare_view.py" line="65" />
            <source>Compare %n video(s)</source>
            <translation>
                <numerusform>Compare %n video</numerusform>
                <numerusform>Compare %n videos</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="66" />
            <source>Compare videos</source>
            <translation>Compare videos</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="89" />
            <source>Playback unavailable</source>
            <translation>Playback unavailable</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="92" />
            <source>Video %1</source>
            <translation>Video %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="100" />
            <source>Keep</source>
            <translation>Keep</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="101" />
            <source>Keep video %1</source>
            <translation>Keep video %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="117" />
            <source>Play or pause all (Space)</source>
            <translation>Play or pause all (Space)</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="118" />
            <source>One frame back (←)</source>
            <translation>One frame back (←)</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="119" />
            <source>One frame on (→)</source>
            <translation>One frame on (→)</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="121" />
            <source>Full screen (F)</source>
            <translation>Full screen (F)</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="124" />
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="130" />
            <source>Speed</source>
            <translation>Speed</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="135" />
            <source>Loop</source>
            <translation>Loop</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="136" />
            <source>Start again at the end (L)</source>
            <translation>Start again at the end (L)</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="149" />
            <source>Keep the checked, move the rest to the trash</source>
            <translation>Keep the checked, move the rest to the trash</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="156" />
            <source>Wipe</source>
            <translation>Wipe</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="157" />
            <source>One over the other, split where you drag (W)</source>
            <translation>One over the other, split where you drag (W)</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="170" />
            <source>Compare the checked</source>
            <translation>Compare the checked</translation>
        </message>
        <message>
            <location filename="../../gui/views/compare_view.py" line="171" />
            <source>Two to four checked videos side by side</source>
            <translation>Two to four checked videos side by side</translation>
        </message>
    </context>
    <context>
        <name>CrashBox</name>
        <message>
            <location filename="../work/wt/startup/gui/crash.py" line="280" />
            <source>ClipDesk ran into an unexpected error.</source>
            <translation>ClipDesk ran into an unexpected error.</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/crash.py" line="284" />
            <source>A report was saved. It holds no API keys or images, so you can send it along when you describe what happened.</source>
            <translation>A report was saved. It holds no API keys or images, so you can send it along when you describe what happened.</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/crash.py" line="291" />
            <source>&amp;Open report</source>
            <translation>&amp;Open report</translation>
        </message>
    </context>
    <context>
        <name>ErrorKind</name>
        <message>
            <location filename="../../gui/texts.py" line="47" />
            <source>API key refused</source>
            <translation>API key refused</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="48" />
            <source>Insufficient balance</source>
            <translation>Insufficient balance</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="49" />
            <source>Blocked by content moderation</source>
            <translation>Blocked by content moderation</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="50" />
            <source>Not valid for this model</source>
            <translation>Not valid for this model</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="51" />
            <source>Rate limited, waiting</source>
            <translation>Rate limited, waiting</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="52" />
            <source>Provider unreachable</source>
            <translation>Provider unreachable</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="53" />
            <source>The provider failed to generate</source>
            <translation>The provider failed to generate</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="54" />
            <source>Expired at the provider</source>
            <translation>Expired at the provider</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="55" />
            <source>Task unknown to the provider</source>
            <translation>Task unknown to the provider</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="56" />
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="57" />
            <source>Unexpected error</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="68" />
            <source>The API key was refused. Check the key in Settings → Connections.</source>
            <translation>The API key was refused. Check the key in Settings → Connections.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="71" />
            <source>The account has insufficient balance or quota for this generation.</source>
            <translation>The account has insufficient balance or quota for this generation.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="74" />
            <source>The provider's content moderation rejected the prompt, an image or the result.</source>
            <translation>The provider's content moderation rejected the prompt, an image or the result.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="77" />
            <source>The provider says the request is not valid for this model.</source>
            <translation>The provider says the request is not valid for this model.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="80" />
            <source>The provider is limiting requests; ClipDesk waits and tries again.</source>
            <translation>The provider is limiting requests; ClipDesk waits and tries again.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="83" />
            <source>The provider could not be reached. Check the network and proxy.</source>
            <translation>The provider could not be reached. Check the network and proxy.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="86" />
            <source>The provider failed to generate the video.</source>
            <translation>The provider failed to generate the video.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="87" />
            <source>The task or its result link has expired at the provider.</source>
            <translation>The task or its result link has expired at the provider.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="88" />
            <source>The provider does not know this task.</source>
            <translation>The provider does not know this task.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="89" />
            <source>The task was cancelled.</source>
            <translation>The task was cancelled.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="90" />
            <source>Something unexpected happened.</source>
            <translation>Something unexpected happened.</translation>
        </message>
        <message>
            <source>Over a spending cap</source>
            <translation>Over a spending cap</translation>
        </message>
        <message>
            <source>This generation would pass a spending cap, so nothing was sent. Raise the cap in Settings → Connections, or wait for a new day or month.</source>
            <translation>This generation would pass a spending cap, so nothing was sent. Raise the cap in Settings → Connections, or wait for a new day or month.</translation>
        </message>
    </context>
    <context>
        <name>FamilyDialog</name>
        <message>
            <location filename="../../gui/views/story.py" line="84" />
            <source>Family and chain</source>
            <translation>Family and chain</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="88" />
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="90" />
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="90" />
            <source>How it came</source>
            <translation>How it came</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="90" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="90" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="113" />
            <source>Chain</source>
            <translation>Chain</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="119" />
            <source>&amp;Extend chain</source>
            <translation>&amp;Extend chain</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="121" />
            <source>A new clip starting on the last frame of the chain's last clip</source>
            <translation>A new clip starting on the last frame of the chain's last clip</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="125" />
            <source>&amp;Join chain…</source>
            <translation>&amp;Join chain…</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="128" />
            <source>&amp;Compare chain</source>
            <translation>&amp;Compare chain</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/story.py" line="140" />
            <source>Family (%n video(s))</source>
            <translation>
                <numerusform>Family (%n video)</numerusform>
                <numerusform>Family (%n videos)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/story.py" line="142" />
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
            <location filename="../work/wt/startup/gui/frame.py" line="72" />
            <location filename="../work/wt/startup/gui/frame.py" line="104" />
            <source>&amp;Queue</source>
            <translation>&amp;Queue</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="73" />
            <location filename="../work/wt/startup/gui/frame.py" line="105" />
            <source>&amp;Library</source>
            <translation>&amp;Library</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="90" />
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="91" />
            <source>&amp;Batch…</source>
            <translation>&amp;Batch…</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="93" />
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="96" />
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="99" />
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="103" />
            <source>&amp;Generate form</source>
            <translation>&amp;Generate form</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="106" />
            <source>&amp;Player</source>
            <translation>&amp;Player</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="114" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="115" />
            <source>&amp;About ClipDesk</source>
            <translation>&amp;About ClipDesk</translation>
        </message>
        <message>
            <source>%1: not played yet</source>
            <translation>%1: not played yet</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Library</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
    </context>
    <context>
        <name>GeneratePanel</name>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="78" />
            <source>Connection</source>
            <translation>Connection</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="80" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="87" />
            <source>Generation mode</source>
            <translation>Generation mode</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="88" />
            <source>First frame</source>
            <translation>First frame</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="89" />
            <source>Last frame</source>
            <translation>Last frame</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="91" />
            <source>Reference images</source>
            <translation>Reference images</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="94" />
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="95" />
            <source>Describe the video: subject, action, camera, mood…</source>
            <translation>Describe the video: subject, action, camera, mood…</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="100" />
            <source>Negative prompt</source>
            <translation>Negative prompt</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="101" />
            <source>What the video should not show</source>
            <translation>What the video should not show</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="109" />
            <source>Number of videos</source>
            <translation>Number of videos</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="110" />
            <source>Make several videos from the same settings, each with its own seed</source>
            <translation>Make several videos from the same settings, each with its own seed</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="114" />
            <source>What is missing</source>
            <translation>What is missing</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="117" />
            <source>&amp;Generate</source>
            <translation>&amp;Generate</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="120" />
            <source>&amp;Batch…</source>
            <translation>&amp;Batch…</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="122" />
            <source>Queue one task per image in a folder, or per line of a CSV file</source>
            <translation>Queue one task per image in a folder, or per line of a CSV file</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="127" />
            <source>C&amp;onnection:</source>
            <translation>C&amp;onnection:</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="128" />
            <source>&amp;Model:</source>
            <translation>&amp;Model:</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="132" />
            <source>&amp;Prompt:</source>
            <translation>&amp;Prompt:</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="134" />
            <source>&amp;Negative:</source>
            <translation>&amp;Negative:</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="137" />
            <source>&amp;Copies:</source>
            <translation>&amp;Copies:</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="227" />
            <source>This version of ClipDesk cannot talk to “%1” yet</source>
            <translation>This version of ClipDesk cannot talk to “%1” yet</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="258" />
            <source>Model id, e.g. as the gateway lists it</source>
            <translation>Model id, e.g. as the gateway lists it</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="338" />
            <source>Choose a connection this version of ClipDesk supports.</source>
            <translation>Choose a connection this version of ClipDesk supports.</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="341" />
            <source>This connection has no base URL: set it in Settings → Connections.</source>
            <translation>This connection has no base URL: set it in Settings → Connections.</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="355" />
            <source>Mode: %1</source>
            <translation>Mode: %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="362" />
            <source>Continues task %1</source>
            <translation>Continues task %1</translation>
        </message>
        <message>
            <source>Cost unknown</source>
            <translation>Cost unknown</translation>
        </message>
        <message>
            <source>Estimated cost</source>
            <translation>Estimated cost</translation>
        </message>
        <message>
            <source>≈ %1</source>
            <translation>≈ %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/generate_panel.py" line="363" />
            <source>Settings of task %1</source>
            <translation>Settings of task %1</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/generate_panel.py" line="413" />
            <source>add a first frame</source>
            <translation>add a first frame</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/generate_panel.py" line="414" />
            <source>add a first and a last frame</source>
            <translation>add a first and a last frame</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/generate_panel.py" line="415" />
            <source>add reference images</source>
            <translation>add reference images</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/generate_panel.py" line="417" />
            <source>Mode: %1 — %2</source>
            <translation>Mode: %1 — %2</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/generate_panel.py" line="418" />
            <source>write a prompt</source>
            <translation>write a prompt</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/generate_panel.py" line="391" />
            <source>%1 cannot be used: %2</source>
            <translation>%1 cannot be used: %2</translation>
        </message>
    </context>
    <context>
        <name>ImageSlot</name>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="88" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="89" />
            <source>Choose an image for %1</source>
            <translation>Choose an image for %1</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="90" />
            <source>Paste</source>
            <translation>Paste</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="91" />
            <source>Paste an image into %1</source>
            <translation>Paste an image into %1</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="92" />
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="93" />
            <source>Clear %1</source>
            <translation>Clear %1</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="162" />
            <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
            <translation>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="244" />
            <source>Drop, paste or choose up to %1 images (%2 added)</source>
            <translation>Drop, paste or choose up to %1 images (%2 added)</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="249" />
            <source>Drop an image or its web address here, paste, or choose a file</source>
            <translation>Drop an image or its web address here, paste, or choose a file</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="262" />
            <source>web</source>
            <translation>web</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="289" />
            <source>Not usable: %1</source>
            <translation>Not usable: %1</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="291" />
            <source>%1 cannot be read as an image</source>
            <translation>%1 cannot be read as an image</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="300" />
            <source>will be scaled down to fit the provider's limit of %1 px</source>
            <translation>will be scaled down to fit the provider's limit of %1 px</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="311" />
            <source>will be scaled up to the provider's minimum of %1 px</source>
            <translation>will be scaled up to the provider's minimum of %1 px</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/image_slot.py" line="316" />
            <source>transparency will be filled with white</source>
            <translation>transparency will be filled with white</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/image_slot.py" line="343" />
            <source>ClipDesk's check, nothing was sent: %1</source>
            <translation>ClipDesk's check, nothing was sent: %1</translation>
        </message>
    </context>
    <context>
        <name>JoinDialog</name>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="167" />
            <source>Join videos</source>
            <translation>Join videos</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="174" />
            <source>Clips, in order</source>
            <translation>Clips, in order</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="180" />
            <source>Move &amp;up</source>
            <translation>Move &amp;up</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="182" />
            <source>Move &amp;down</source>
            <translation>Move &amp;down</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="187" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="188" />
            <source>Cross-fade</source>
            <translation>Cross-fade</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="192" />
            <source>Clips that agree are copied as they are; others are re-encoded.</source>
            <translation>Clips that agree are copied as they are; others are re-encoded.</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="194" />
            <source>&amp;Join</source>
            <translation>&amp;Join</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="197" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="208" />
            <source>Cross-fade:</source>
            <translation>Cross-fade:</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="214" />
            <source>Clips, in the order they will play (drag to reorder):</source>
            <translation>Clips, in the order they will play (drag to reorder):</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="240" />
            <source>Joining…</source>
            <translation>Joining…</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="269" />
            <source>Joined into the library: %1</source>
            <translation>Joined into the library: %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="271" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="279" />
            <source>Cancelled; nothing was written.</source>
            <translation>Cancelled; nothing was written.</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="282" />
            <source>These clips cannot be joined: %1</source>
            <translation>These clips cannot be joined: %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/join_dialog.py" line="293" />
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message>
            <location filename="../../gui/models/library_model.py" line="176" />
            <source>(no prompt)</source>
            <translation>(no prompt)</translation>
        </message>
        <message>
            <source>New: not played yet</source>
            <translation>New: not played yet</translation>
        </message>
        <message>
            <source>New: %1</source>
            <translation>New: %1</translation>
        </message>
    </context>
    <context>
        <name>LibraryView</name>
        <message>
            <location filename="../../gui/views/library_view.py" line="59" />
            <source>Search prompts…</source>
            <translation>Search prompts…</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="61" />
            <source>Search the library</source>
            <translation>Search the library</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="63" />
            <source>Filter by connection</source>
            <translation>Filter by connection</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="65" />
            <source>Filter by model</source>
            <translation>Filter by model</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="86" />
            <source>&amp;Import…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="88" />
            <source>Add videos made elsewhere, or re-index a folder (with the settings they were made with)</source>
            <translation>Add videos made elsewhere, or re-index a folder (with the settings they were made with)</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="90" />
            <source>Import videos</source>
            <translation>Import videos</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="93" />
            <source>Import &amp;videos…</source>
            <translation>Import &amp;videos…</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="94" />
            <source>Re-index a &amp;folder…</source>
            <translation>Re-index a &amp;folder…</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="304" />
            <source>Re-index a folder</source>
            <translation>Re-index a folder</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="298" />
            <source>Videos (%1)</source>
            <translation>Videos (%1)</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="315" />
            <source>Looking for videos…</source>
            <translation>Looking for videos…</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="322" />
            <source>Import failed: %1</source>
            <translation>Import failed: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/library_view.py" line="325" />
            <source>%n video(s) added to the library</source>
            <translation>
                <numerusform>%n video added to the library</numerusform>
                <numerusform>%n videos added to the library</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="327" />
            <source>No new videos found</source>
            <translation>No new videos found</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="70" />
            <source>Filter by date</source>
            <translation>Filter by date</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="72" />
            <source>Any time</source>
            <translation>Any time</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="73" />
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="74" />
            <source>Last 7 days</source>
            <translation>Last 7 days</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="75" />
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="140" />
            <source>Re&amp;name…</source>
            <translation>Re&amp;name…</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="141" />
            <source>Move to &amp;trash</source>
            <translation>Move to &amp;trash</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="142" />
            <source>Re&amp;store</source>
            <translation>Re&amp;store</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/library_view.py" line="191" />
            <source>%n video(s) in the trash</source>
            <translation>
                <numerusform>%n video in the trash</numerusform>
                <numerusform>%n videos in the trash</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="256" />
            <source>Rename video</source>
            <translation>Rename video</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="257" />
            <source>Title (empty: the prompt):</source>
            <translation>Title (empty: the prompt):</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/library_view.py" line="273" />
            <source>Moved %n video(s) to the trash</source>
            <translation>
                <numerusform>Moved %n video to the trash</numerusform>
                <numerusform>Moved %n videos to the trash</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/library_view.py" line="279" />
            <source>Restored %n video(s)</source>
            <translation>
                <numerusform>Restored %n video</numerusform>
                <numerusform>Restored %n videos</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="70" />
            <source>List</source>
            <translation>List</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="71" />
            <source>Show as a list instead of a grid</source>
            <translation>Show as a list instead of a grid</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="72" />
            <source>Show as a list</source>
            <translation>Show as a list</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="76" />
            <source>Video library</source>
            <translation>Video library</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="113" />
            <source>&amp;Play</source>
            <translation>&amp;Play</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="114" />
            <source>Toggle &amp;favourite</source>
            <translation>Toggle &amp;favourite</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="115" />
            <source>&amp;Reuse settings</source>
            <translation>&amp;Reuse settings</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="117" />
            <source>&amp;Last frame → new task</source>
            <translation>&amp;Last frame → new task</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="119" />
            <source>&amp;Open in system player</source>
            <translation>&amp;Open in system player</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="120" />
            <source>Show in &amp;folder</source>
            <translation>Show in &amp;folder</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="138" />
            <source>All connections</source>
            <translation>All connections</translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="139" />
            <source>All models</source>
            <translation>All models</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/library_view.py" line="161" />
            <source>%n video(s)</source>
            <translation>
                <numerusform>%n video</numerusform>
                <numerusform>%n videos</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../gui/views/library_view.py" line="209" />
            <source>Taking the last frame…</source>
            <translation>Taking the last frame…</translation>
        </message>
        <message>
            <source>Filter by state</source>
            <translation>Filter by state</translation>
        </message>
        <message>
            <source>New: made here, not played yet. Trash: videos moved to the trash, to restore them</source>
            <translation>New: made here, not played yet. Trash: videos moved to the trash, to restore them</translation>
        </message>
        <message>
            <source>All videos</source>
            <translation>All videos</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>★ Favourites</source>
            <translation>★ Favourites</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Trash</translation>
        </message>
        <message numerus="yes">
            <source>%n new video(s)</source>
            <translation>
                <numerusform>%n new video</numerusform>
                <numerusform>%n new videos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new</source>
            <translation>
                <numerusform>%n new</numerusform>
                <numerusform>%n new</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/library_view.py" line="203" />
            <source>Save a &amp;copy to…</source>
            <translation>Save a &amp;copy to…</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/library_view.py" line="407" />
            <source>Save a copy</source>
            <translation>Save a copy</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/library_view.py" line="417" />
            <source>Saved a copy: %1</source>
            <translation>Saved a copy: %1</translation>
        </message>
    </context>
    <context>
        <name>LogDialog</name>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="37" />
            <source>Task log: %1</source>
            <translation>Task log: %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="42" />
            <source>Task log</source>
            <translation>Task log</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="43" />
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="45" />
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="58" />
            <source>State: %1</source>
            <translation>State: %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="60" />
            <source>Request</source>
            <translation>Request</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="63" />
            <source>Log</source>
            <translation>Log</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="68" />
            <source>(nothing logged yet)</source>
            <translation>(nothing logged yet)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../work/wt/startup/gui/main_window.py" line="80" />
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/main_window.py" line="135" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/main_window.py" line="157" />
            <source>%1 running · %2 queued · %3 done</source>
            <translation>%1 running · %2 queued · %3 done</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/main_window.py" line="183" />
            <source>No API key for “%1”. Add one in Settings → Connections.</source>
            <translation>No API key for “%1”. Add one in Settings → Connections.</translation>
        </message>
        <message numerus="yes">
            <location filename="../work/wt/startup/gui/main_window.py" line="189" />
            <source>%n task(s) queued</source>
            <translation>
                <numerusform>%n task queued</numerusform>
                <numerusform>%n tasks queued</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/main_window.py" line="207" />
            <source>The new language applies the next time ClipDesk starts.</source>
            <translation>The new language applies the next time ClipDesk starts.</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/main_window.py" line="234" />
            <source>About ClipDesk</source>
            <translation>About ClipDesk</translation>
        </message>
        <message>
            <location filename="../work/wt/startup/gui/main_window.py" line="236" />
            <source>ClipDesk %1
Turns images and text into videos through the providers you already pay for.</source>
            <translation>ClipDesk %1
Turns images and text into videos through the providers you already pay for.</translation>
        </message>
        <message>
            <location filename="../gui/main_window.py" line="270" />
            <source>Free software under the GNU General Public License, version 3 or later.</source>
            <translation>Free software under the GNU General Public License, version 3 or later.</translation>
        </message>
        <message>
            <location filename="../gui/main_window.py" line="270" />
            <source>Licence</source>
            <translation>Licence</translation>
        </message>
        <message>
            <location filename="../gui/main_window.py" line="270" />
            <source>Third-party notices</source>
            <translation>Third-party notices</translation>
        </message>
    </context>
    <context>
        <name>Mode</name>
        <message>
            <location filename="../../gui/texts.py" line="100" />
            <source>Text to video</source>
            <translation>Text to video</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="101" />
            <source>Image to video</source>
            <translation>Image to video</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="102" />
            <source>First and last frame</source>
            <translation>First and last frame</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="103" />
            <source>Reference images</source>
            <translation>Reference images</translation>
        </message>
    </context>
    <context>
        <name>ModelForm</name>
        <message>
            <location filename="../../gui/views/model_form.py" line="84" />
            <source>Unconfirmed field — %1</source>
            <translation>Unconfirmed field — %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="44" />
            <source>Duration</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="46" />
            <source>Resolution</source>
            <translation>Resolution</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="49" />
            <source>Random</source>
            <translation>Random</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="51" />
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="52" />
            <source>The same seed with the same settings gives a similar video</source>
            <translation>The same seed with the same settings gives a similar video</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="59" />
            <source>&amp;Duration:</source>
            <translation>&amp;Duration:</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="60" />
            <source>&amp;Resolution:</source>
            <translation>&amp;Resolution:</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="61" />
            <source>S&amp;eed:</source>
            <translation>S&amp;eed:</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="91" />
            <location filename="../../gui/views/model_form.py" line="112" />
            <location filename="../../gui/views/model_form.py" line="130" />
            <location filename="../../gui/views/model_form.py" line="139" />
            <source>Default</source>
            <translation>Default</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="93" />
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="108" />
            <source>Default, or type e.g. 720p</source>
            <translation>Default, or type e.g. 720p</translation>
        </message>
        <message>
            <location filename="../../gui/views/model_form.py" line="147" />
            <source>%1:</source>
            <translation>%1:</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/model_form.py" line="132" />
            <source>Not sent (the provider decides), or type e.g. 720p</source>
            <translation>Not sent (the provider decides), or type e.g. 720p</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/model_form.py" line="182" />
            <source>%1 — model default</source>
            <translation>%1 — model default</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/model_form.py" line="186" />
            <source>Not sent — the provider decides</source>
            <translation>Not sent — the provider decides</translation>
        </message>
    </context>
    <context>
        <name>NewBadge</name>
        <message numerus="yes">
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
            <location filename="../../gui/texts.py" line="212" />
            <source>Camera movement</source>
            <translation>Camera movement</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="213" />
            <source>Aspect ratio</source>
            <translation>Aspect ratio</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="214" />
            <source>Frame rate</source>
            <translation>Frame rate</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="215" />
            <source>Motion</source>
            <translation>Motion</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="216" />
            <source>Style</source>
            <translation>Style</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="217" />
            <source>Rewrite prompt</source>
            <translation>Rewrite prompt</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="218" />
            <source>Watermark</source>
            <translation>Watermark</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="219" />
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="220" />
            <source>Audio URL</source>
            <translation>Audio URL</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="221" />
            <source>Movement amplitude</source>
            <translation>Movement amplitude</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="222" />
            <source>Background music</source>
            <translation>Background music</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="223" />
            <source>Quality mode</source>
            <translation>Quality mode</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="224" />
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="225" />
            <source>Prompt strength (CFG)</source>
            <translation>Prompt strength (CFG)</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="226" />
            <source>Quality</source>
            <translation>Quality</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="227" />
            <source>Template</source>
            <translation>Template</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="228" />
            <source>Thinking</source>
            <translation>Thinking</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="229" />
            <source>Sound effects</source>
            <translation>Sound effects</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="230" />
            <source>Sound effect description</source>
            <translation>Sound effect description</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="231" />
            <source>Lip sync</source>
            <translation>Lip sync</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="232" />
            <source>Lip sync text</source>
            <translation>Lip sync text</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="233" />
            <source>Lip sync voice</source>
            <translation>Lip sync voice</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="234" />
            <source>Template id</source>
            <translation>Template id</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="235" />
            <source>Generate audio</source>
            <translation>Generate audio</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="236" />
            <source>Multiple shots</source>
            <translation>Multiple shots</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="247" />
            <source>Zoom in</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="248" />
            <source>Zoom out</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="249" />
            <source>Smooth zoom in</source>
            <translation>Smooth zoom in</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="250" />
            <source>Quick zoom in</source>
            <translation>Quick zoom in</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="251" />
            <source>Quick zoom out</source>
            <translation>Quick zoom out</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="252" />
            <source>Truck left</source>
            <translation>Truck left</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="253" />
            <source>Truck right</source>
            <translation>Truck right</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="254" />
            <source>Pedestal up</source>
            <translation>Pedestal up</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="255" />
            <source>Pedestal down</source>
            <translation>Pedestal down</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="256" />
            <source>Pan left</source>
            <translation>Pan left</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="257" />
            <source>Pan right</source>
            <translation>Pan right</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="258" />
            <source>Crane up</source>
            <translation>Crane up</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="259" />
            <source>Camera roll</source>
            <translation>Camera roll</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="260" />
            <source>Super dolly out</source>
            <translation>Super dolly out</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="261" />
            <source>Static</source>
            <translation>Static</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="262" />
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="263" />
            <source>Fast</source>
            <translation>Fast</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="264" />
            <source>Auto</source>
            <translation>Auto</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="265" />
            <source>Small</source>
            <translation>Small</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="266" />
            <source>Medium</source>
            <translation>Medium</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="267" />
            <source>Large</source>
            <translation>Large</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="268" />
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="269" />
            <source>Anime</source>
            <translation>Anime</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="270" />
            <source>Standard</source>
            <translation>Standard</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="271" />
            <source>Pro</source>
            <translation>Pro</translation>
        </message>
    </context>
    <context>
        <name>Place</name>
        <message>
            <location filename="../work/wt/startup/gui/frame.py" line="33" />
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
    </context>
    <context>
        <name>Player</name>
        <message>
            <location filename="../../gui/player/player.py" line="60" />
            <source>Video player</source>
            <translation>Video player</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="71" />
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="74" />
            <source>Double-click a finished video to play it here</source>
            <translation>Double-click a finished video to play it here</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="78" />
            <source>Playback unavailable: the Qt multimedia components are missing. Use “Open in system player”.</source>
            <translation>Playback unavailable: the Qt multimedia components are missing. Use “Open in system player”.</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="105" />
            <source>Play / pause (Space)</source>
            <translation>Play / pause (Space)</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="107" />
            <source>Previous frame (← or ,)</source>
            <translation>Previous frame (← or ,)</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="110" />
            <source>Next frame (→ or .)</source>
            <translation>Next frame (→ or .)</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="113" />
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="119" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="121" />
            <source>Loop (L)</source>
            <translation>Loop (L)</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="124" />
            <source>Speed</source>
            <translation>Speed</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="125" />
            <source>Playback speed</source>
            <translation>Playback speed</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="131" />
            <source>Mute (M)</source>
            <translation>Mute (M)</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="134" />
            <source>Volume</source>
            <translation>Volume</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="140" />
            <source>Full screen (F)</source>
            <translation>Full screen (F)</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="143" />
            <source>Open in system player</source>
            <translation>Open in system player</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="212" />
            <source>Playback unavailable here. “Open in system player” plays %1.</source>
            <translation>Playback unavailable here. “Open in system player” plays %1.</translation>
        </message>
        <message>
            <location filename="../../gui/player/player.py" line="336" />
            <source>This video cannot be played: %1</source>
            <translation>This video cannot be played: %1</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/player/player.py" line="68" />
            <source>Picture</source>
            <translation>Picture</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/player/player.py" line="140" />
            <source>Full screen (F, double-click; Esc leaves)</source>
            <translation>Full screen (F, double-click; Esc leaves)</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <location filename="../../gui/views/queue_view.py" line="103" />
            <source>Filter by prompt, connection, model or state…</source>
            <translation>Filter by prompt, connection, model or state…</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="105" />
            <source>Filter tasks</source>
            <translation>Filter tasks</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="108" />
            <source>Show tasks</source>
            <translation>Show tasks</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="110" />
            <source>All tasks</source>
            <translation>All tasks</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="111" />
            <source>Unfinished</source>
            <translation>Unfinished</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="112" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="113" />
            <source>Needs attention</source>
            <translation>Needs attention</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="118" />
            <source>Pause…</source>
            <translation>Pause…</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="119" />
            <source>Pause or resume a connection's queue</source>
            <translation>Pause or resume a connection's queue</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="120" />
            <source>Pause or resume connections</source>
            <translation>Pause or resume connections</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="128" />
            <source>Task queue</source>
            <translation>Task queue</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="172" />
            <source>&amp;Play</source>
            <translation>&amp;Play</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="173" />
            <source>&amp;Open in system player</source>
            <translation>&amp;Open in system player</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="174" />
            <source>Show in &amp;folder</source>
            <translation>Show in &amp;folder</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="175" />
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="176" />
            <source>&amp;Retry</source>
            <translation>&amp;Retry</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="178" />
            <source>Re&amp;move from list</source>
            <translation>Re&amp;move from list</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="180" />
            <source>Copy remote &amp;id</source>
            <translation>Copy remote &amp;id</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="181" />
            <source>Show request/response &amp;log</source>
            <translation>Show request/response &amp;log</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="183" />
            <source>Decide about unknown &amp;submit…</source>
            <translation>Decide about unknown &amp;submit…</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="226" />
            <source>Pause “%1”</source>
            <translation>Pause “%1”</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="282" />
            <source>Remove tasks</source>
            <translation>Remove tasks</translation>
        </message>
        <message>
            <location filename="../../gui/views/queue_view.py" line="283" />
            <source>%1 of these tasks are still running. Cancel and remove them?</source>
            <translation>%1 of these tasks are still running. Cancel and remove them?</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/queue_view.py" line="301" />
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
            <location filename="../../gui/views/task_dialogs.py" line="81" />
            <source>Unknown submit</source>
            <translation>Unknown submit</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="84" />
            <source>ClipDesk sent this task but never heard back. The provider may have created it and charged for it, so ClipDesk will not send it again by itself.

Check the provider's console. If the task is there, enter its id to follow it. Otherwise send it again (it may be charged twice if it did exist), or drop it.</source>
            <translation>ClipDesk sent this task but never heard back. The provider may have created it and charged for it, so ClipDesk will not send it again by itself.

Check the provider's console. If the task is there, enter its id to follow it. Otherwise send it again (it may be charged twice if it did exist), or drop it.</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="93" />
            <location filename="../../gui/views/task_dialogs.py" line="94" />
            <source>The provider's task id</source>
            <translation>The provider's task id</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="95" />
            <source>&amp;Task id at the provider:</source>
            <translation>&amp;Task id at the provider:</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="98" />
            <source>&amp;Follow this id</source>
            <translation>&amp;Follow this id</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="100" />
            <source>&amp;Send again</source>
            <translation>&amp;Send again</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="101" />
            <source>&amp;Drop task</source>
            <translation>&amp;Drop task</translation>
        </message>
        <message>
            <location filename="../../gui/views/task_dialogs.py" line="105" />
            <source>Decide &amp;later</source>
            <translation>Decide &amp;later</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="50" />
            <source>No system keyring is available (Secret Service, macOS Keychain or Windows Credential Locker). ClipDesk keeps the key in memory for this session only and never writes it to disk; you will be asked again next time.</source>
            <translation>No system keyring is available (Secret Service, macOS Keychain or Windows Credential Locker). ClipDesk keeps the key in memory for this session only and never writes it to disk; you will be asked again next time.</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="74" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="83" />
            <source>&amp;Connections</source>
            <translation>&amp;Connections</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="84" />
            <source>&amp;General</source>
            <translation>&amp;General</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="104" />
            <source>Connections</source>
            <translation>Connections</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="106" />
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="107" />
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="111" />
            <source>Connection name</source>
            <translation>Connection name</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="113" />
            <source>Provider type</source>
            <translation>Provider type</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="119" />
            <source>Base URL</source>
            <translation>Base URL</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="123" />
            <source>API key</source>
            <translation>API key</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="124" />
            <source>Sho&amp;w</source>
            <translation>Sho&amp;w</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="134" />
            <source>Proxy</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="135" />
            <source>No proxy</source>
            <translation>No proxy</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="136" />
            <source>System proxy</source>
            <translation>System proxy</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="137" />
            <source>Custom proxy</source>
            <translation>Custom proxy</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="139" />
            <source>Proxy address</source>
            <translation>Proxy address</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="148" />
            <source>&amp;Test connection</source>
            <translation>&amp;Test connection</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="160" />
            <source>The offline preview works without a key or a network.</source>
            <translation>The offline preview works without a key or a network.</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="167" />
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="168" />
            <source>T&amp;ype:</source>
            <translation>T&amp;ype:</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="169" />
            <source>&amp;Base URL:</source>
            <translation>&amp;Base URL:</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="174" />
            <source>API &amp;key:</source>
            <translation>API &amp;key:</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="177" />
            <source>&amp;Proxy:</source>
            <translation>&amp;Proxy:</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="242" />
            <source>Saved. Type a new key to replace it</source>
            <translation>Saved. Type a new key to replace it</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="242" />
            <source>Paste the API key</source>
            <translation>Paste the API key</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="286" />
            <source>API documentation</source>
            <translation>API documentation</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="296" />
            <source>New connection</source>
            <translation>New connection</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="329" />
            <source>Enter an API key first.</source>
            <translation>Enter an API key first.</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="332" />
            <source>The base URL must start with http:// or https://</source>
            <translation>The base URL must start with http:// or https://</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="341" />
            <source>Testing…</source>
            <translation>Testing…</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="354" />
            <source>Failed: %1</source>
            <translation>Failed: %1</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="368" />
            <location filename="../../gui/views/settings_dialog.py" line="397" />
            <source>Output folder</source>
            <translation>Output folder</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="369" />
            <source>B&amp;rowse…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="375" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="376" />
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="380" />
            <source>Notify me when a task ends</source>
            <translation>Notify me when a task ends</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="382" />
            <source>A new language applies the next time ClipDesk starts.</source>
            <translation>A new language applies the next time ClipDesk starts.</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="386" />
            <source>&amp;Output folder:</source>
            <translation>&amp;Output folder:</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="387" />
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="408" />
            <source>Every connection needs a name.</source>
            <translation>Every connection needs a name.</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="410" />
            <source>Two connections are named “%1”.</source>
            <translation>Two connections are named “%1”.</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="413" />
            <source>“%1” needs a base URL starting with http:// or https://</source>
            <translation>“%1” needs a base URL starting with http:// or https://</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="417" />
            <source>The proxy of “%1” must look like http://host:port</source>
            <translation>The proxy of “%1” must look like http://host:port</translation>
        </message>
        <message>
            <source>&amp;Daily cap:</source>
            <translation>&amp;Daily cap:</translation>
        </message>
        <message>
            <source>&amp;Monthly cap:</source>
            <translation>&amp;Monthly cap:</translation>
        </message>
        <message>
            <source>A price reads model=AMOUNT[CNY|USD|credits]/second|clip|credit: “%1”</source>
            <translation>A price reads model=AMOUNT[CNY|USD|credits]/second|clip|credit: “%1”</translation>
        </message>
        <message>
            <source>A spending cap is a number (or empty for none): “%1”</source>
            <translation>A spending cap is a number (or empty for none): “%1”</translation>
        </message>
        <message>
            <source>Connection works: %1</source>
            <translation>Connection works: %1</translation>
        </message>
        <message>
            <source>Daily spending cap</source>
            <translation>Daily spending cap</translation>
        </message>
        <message>
            <source>Monthly spending cap</source>
            <translation>Monthly spending cap</translation>
        </message>
        <message>
            <source>No cap (in the currency of this connection&apos;s prices)</source>
            <translation>No cap (in the currency of this connection&apos;s prices)</translation>
        </message>
        <message>
            <source>Nothing spent this month.</source>
            <translation>Nothing spent this month.</translation>
        </message>
        <message>
            <source>Own pr&amp;ices:</source>
            <translation>Own pr&amp;ices:</translation>
        </message>
        <message>
            <source>Own prices</source>
            <translation>Own prices</translation>
        </message>
        <message>
            <source>This month: charged %1, estimated %2 (today %3)</source>
            <translation>This month: charged %1, estimated %2 (today %3)</translation>
        </message>
        <message>
            <source>model=0.5CNY/second, other=2USD/clip (gateway rates)</source>
            <translation>model=0.5CNY/second, other=2USD/clip (gateway rates)</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="337" />
            <source>%1 offers no check that costs nothing; the settings are saved but not verified.</source>
            <translation>%1 offers no check that costs nothing; the settings are saved but not verified.</translation>
        </message>
        <message>
            <location filename="../../gui/views/settings_dialog.py" line="357" />
            <source>Connection works: the key was accepted.</source>
            <translation>Connection works: the key was accepted.</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/settings_dialog.py" line="372" />
            <source>Appearance</source>
            <translation>Appearance</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/settings_dialog.py" line="373" />
            <source>Follow the system (dark if it does not say)</source>
            <translation>Follow the system (dark if it does not say)</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/settings_dialog.py" line="374" />
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/settings_dialog.py" line="375" />
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/settings_dialog.py" line="390" />
            <source>&amp;Appearance:</source>
            <translation>&amp;Appearance:</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/settings_dialog.py" line="329" />
            <source>Remove connection</source>
            <translation>Remove connection</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/views/settings_dialog.py" line="330" />
            <source>Remove “%1”? Its API key is deleted from the keyring when you press OK.</source>
            <translation>Remove “%1”? Its API key is deleted from the keyring when you press OK.</translation>
        </message>
    </context>
    <context>
        <name>Story</name>
        <message>
            <location filename="../../gui/views/story.py" line="60" />
            <source>retry</source>
            <translation>retry</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="61" />
            <source>reused settings</source>
            <translation>reused settings</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="62" />
            <source>variation</source>
            <translation>variation</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="63" />
            <source>continues</source>
            <translation>continues</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="64" />
            <source>extends</source>
            <translation>extends</translation>
        </message>
    </context>
    <context>
        <name>StoryActions</name>
        <message>
            <location filename="../../gui/views/story.py" line="323" />
            <source>Family and &amp;chain…</source>
            <translation>Family and &amp;chain…</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="324" />
            <source>E&amp;xtend chain</source>
            <translation>E&amp;xtend chain</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="325" />
            <source>Co&amp;mpare (2–4)…</source>
            <translation>Co&amp;mpare (2–4)…</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="326" />
            <source>&amp;Join into one video…</source>
            <translation>&amp;Join into one video…</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="327" />
            <source>&amp;Variations…</source>
            <translation>&amp;Variations…</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="328" />
            <source>Open its &amp;group…</source>
            <translation>Open its &amp;group…</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="374" />
            <source>Select 2 to 4 videos to compare.</source>
            <translation>Select 2 to 4 videos to compare.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/story.py" line="387" />
            <source>%n variation(s) queued</source>
            <translation>
                <numerusform>%n variation queued</numerusform>
                <numerusform>%n variations queued</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="397" />
            <source>This video was not made in a group.</source>
            <translation>This video was not made in a group.</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="406" />
            <source>Its group has only one finished video yet.</source>
            <translation>Its group has only one finished video yet.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/story.py" line="411" />
            <source>Group of %n video(s)</source>
            <translation>
                <numerusform>Group of %n video</numerusform>
                <numerusform>Group of %n videos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/story.py" line="422" />
            <source>%n video(s) moved to the trash</source>
            <translation>
                <numerusform>%n video moved to the trash</numerusform>
                <numerusform>%n videos moved to the trash</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="429" />
            <source>Select at least two videos to join.</source>
            <translation>Select at least two videos to join.</translation>
        </message>
        <message>
            <location filename="../../gui/views/story.py" line="421" />
            <source>%1 · seed %2</source>
            <translation>%1 · seed %2</translation>
        </message>
    </context>
    <context>
        <name>TaskModel</name>
        <message>
            <location filename="../../gui/models/task_model.py" line="460" />
            <source>Waiting its turn</source>
            <translation>Waiting its turn</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="183" />
            <source>Input</source>
            <translation>Input</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="184" />
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="185" />
            <source>Connection / model</source>
            <translation>Connection / model</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="186" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="187" />
            <source>Elapsed</source>
            <translation>Elapsed</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="188" />
            <source>Time left</source>
            <translation>Time left</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="189" />
            <source>Link expires</source>
            <translation>Link expires</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="190" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="226" />
            <location filename="../../gui/models/task_model.py" line="257" />
            <source>(no prompt)</source>
            <translation>(no prompt)</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="240" />
            <source>expired</source>
            <translation>expired</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="243" />
            <source>Submit outcome unknown: check the provider</source>
            <translation>Submit outcome unknown: check the provider</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="252" />
            <source>%1 (paused)</source>
            <translation>%1 (paused)</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="259" />
            <source>Negative: %1</source>
            <translation>Negative: %1</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="264" />
            <source>Remote id: %1</source>
            <translation>Remote id: %1</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="266" />
            <source>Provider status: %1</source>
            <translation>Provider status: %1</translation>
        </message>
        <message>
            <location filename="../../gui/models/task_model.py" line="271" />
            <source>Code: %1</source>
            <translation>Code: %1</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/models/task_model.py" line="509" />
            <source>about %1</source>
            <translation>about %1</translation>
        </message>
    </context>
    <context>
        <name>TaskNotifier</name>
        <message>
            <location filename="../../gui/tray.py" line="31" />
            <source>Show ClipDesk</source>
            <translation>Show ClipDesk</translation>
        </message>
        <message>
            <location filename="../../gui/tray.py" line="33" />
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../gui/tray.py" line="58" />
            <source>Video ready</source>
            <translation>Video ready</translation>
        </message>
        <message>
            <location filename="../../gui/tray.py" line="61" />
            <source>A task needs your decision</source>
            <translation>A task needs your decision</translation>
        </message>
        <message>
            <location filename="../../gui/tray.py" line="63" />
            <source>Task expired</source>
            <translation>Task expired</translation>
        </message>
        <message>
            <location filename="../../gui/tray.py" line="65" />
            <source>Task failed</source>
            <translation>Task failed</translation>
        </message>
        <message>
            <source>Play the latest video</source>
            <translation>Play the latest video</translation>
        </message>
        <message>
            <source>Batch finished</source>
            <translation>Batch finished</translation>
        </message>
        <message numerus="yes">
            <source>%n video(s) ready</source>
            <translation>
                <numerusform>%n video ready</numerusform>
                <numerusform>%n videos ready</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n cancelled</source>
            <translation>
                <numerusform>%n cancelled</numerusform>
                <numerusform>%n cancelled</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaskState</name>
        <message>
            <location filename="../../gui/texts.py" line="28" />
            <source>Queued</source>
            <translation>Queued</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="29" />
            <source>Uploading</source>
            <translation>Uploading</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="30" />
            <source>Submitting</source>
            <translation>Submitting</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="31" />
            <source>Generating</source>
            <translation>Generating</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="32" />
            <source>Downloading</source>
            <translation>Downloading</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="33" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="34" />
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="35" />
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="36" />
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="37" />
            <source>Needs a decision</source>
            <translation>Needs a decision</translation>
        </message>
        <message>
            <source>Held by budget</source>
            <translation>Held by budget</translation>
        </message>
    </context>
    <context>
        <name>Texts</name>
        <message>
            <location filename="../../gui/texts.py" line="150" />
            <source>Enter a prompt: this model needs one in every mode.</source>
            <translation>Enter a prompt: this model needs one in every mode.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="150" />
            <source>This model needs a first-frame image in every mode.</source>
            <translation>This model needs a first-frame image in every mode.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="150" />
            <source>This model needs at least %1 reference images.</source>
            <translation>This model needs at least %1 reference images.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="150" />
            <source>This model takes no %1.</source>
            <translation>This model takes no %1.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="150" />
            <source>%1 is longer than %2 characters.</source>
            <translation>%1 is longer than %2 characters.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="110" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="112" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="133" />
            <source>Choose a model.</source>
            <translation>Choose a model.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="136" />
            <source>Enter a prompt: text to video needs one.</source>
            <translation>Enter a prompt: text to video needs one.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="139" />
            <source>The prompt is %1 characters; this model takes at most %2.</source>
            <translation>The prompt is %1 characters; this model takes at most %2.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="143" />
            <source>The prompt contains control characters.</source>
            <translation>The prompt contains control characters.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="146" />
            <source>This model takes no negative prompt.</source>
            <translation>This model takes no negative prompt.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="148" />
            <source>The negative prompt is longer than %1 characters.</source>
            <translation>The negative prompt is longer than %1 characters.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="151" />
            <source>The negative prompt contains control characters.</source>
            <translation>The negative prompt contains control characters.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="153" />
            <source>A last frame needs a first frame.</source>
            <translation>A last frame needs a first frame.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="156" />
            <source>This model needs a first-frame image.</source>
            <translation>This model needs a first-frame image.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="158" />
            <source>This model makes video from text only: remove the images.</source>
            <translation>This model makes video from text only: remove the images.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="159" />
            <source>This model does not support %1.</source>
            <translation>This model does not support %1.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="161" />
            <source>This model takes at most %1 reference images.</source>
            <translation>This model takes at most %1 reference images.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="165" />
            <source>This model cannot make a %1 s video.</source>
            <translation>This model cannot make a %1 s video.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="167" />
            <source>This model has no %1 resolution.</source>
            <translation>This model has no %1 resolution.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="169" />
            <source>The seed is out of range.</source>
            <translation>The seed is out of range.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="172" />
            <source>“%1” is not an allowed value for %2.</source>
            <translation>“%1” is not an allowed value for %2.</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="186" />
            <source>Something unexpected happened: %1</source>
            <translation>Something unexpected happened: %1</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="282" />
            <source>Offline preview</source>
            <translation>Offline preview</translation>
        </message>
        <message>
            <location filename="../../gui/texts.py" line="303" />
            <source>Imported videos</source>
            <translation>Imported videos</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="199" />
            <source>ClipDesk's check, nothing was sent: %1</source>
            <translation>ClipDesk's check, nothing was sent: %1</translation>
        </message>
    </context>
    <context>
        <name>VariationsDialog</name>
        <message>
            <location filename="../../gui/views/variations.py" line="51" />
            <source>Variations</source>
            <translation>Variations</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="59" />
            <source>Takes per model and connection</source>
            <translation>Takes per model and connection</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="61" />
            <source>Models</source>
            <translation>Models</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="66" />
            <source>Connections</source>
            <translation>Connections</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="77" />
            <source>&amp;Make</source>
            <translation>&amp;Make</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="83" />
            <source>Takes (each its own seed):</source>
            <translation>Takes (each its own seed):</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="86" />
            <source>Variations of “%1”</source>
            <translation>Variations of “%1”</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="89" />
            <source>Models:</source>
            <translation>Models:</translation>
        </message>
        <message>
            <location filename="../../gui/views/variations.py" line="91" />
            <source>Connections:</source>
            <translation>Connections:</translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/variations.py" line="126" />
            <source>%n task(s) will be made, as one group.</source>
            <translation>
                <numerusform>%n task will be made, as one group.</numerusform>
                <numerusform>%n tasks will be made, as one group.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../gui/views/variations.py" line="151" />
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
            <location filename="../../gui/welcome.py" line="83" />
            <source>Welcome to ClipDesk</source>
            <translation>Welcome to ClipDesk</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="88" />
            <source>ClipDesk turns images and text into videos through the video services you already pay for. Keys stay in your system keyring, and every task is kept, even when ClipDesk closes.</source>
            <translation>ClipDesk turns images and text into videos through the video services you already pay for. Keys stay in your system keyring, and every task is kept, even when ClipDesk closes.</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="96" />
            <source>&amp;Try the offline preview now</source>
            <translation>&amp;Try the offline preview now</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="103" />
            <source>Makes a short video on this computer, with no key and no network. It is not AI: it animates your image or a title card, so you can see how the queue, the player and the library work.</source>
            <translation>Makes a short video on this computer, with no key and no network. It is not AI: it animates your image or a title card, so you can see how the queue, the player and the library work.</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="114" />
            <source>Add a connection</source>
            <translation>Add a connection</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="118" />
            <source>When you have an API key, add the service it belongs to:</source>
            <translation>When you have an API key, add the service it belongs to:</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="133" />
            <source>API documentation</source>
            <translation>API documentation</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="140" />
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="141" />
            <source>Add a connection: %1</source>
            <translation>Add a connection: %1</translation>
        </message>
        <message>
            <location filename="../../gui/welcome.py" line="147" />
            <source>&amp;Later</source>
            <translation>&amp;Later</translation>
        </message>
    </context>
    <context>
        <name>Cost</name>
        <message>
            <source>%1 credits</source>
            <translation>%1 credits</translation>
        </message>
        <message>
            <source>Charged: %1</source>
            <translation>Charged: %1</translation>
        </message>
        <message>
            <source>Cost unknown</source>
            <translation>Cost unknown</translation>
        </message>
        <message>
            <source>Estimate: %1</source>
            <translation>Estimate: %1</translation>
        </message>
        <message>
            <source>Not charged</source>
            <translation>Not charged</translation>
        </message>
        <message>
            <source>Balance: %1</source>
            <translation>Balance: %1</translation>
        </message>
    </context>
    <context>
        <name>WipeView</name>
        <message>
            <location filename="../../gui/views/wipe_view.py" line="397" />
            <source>Wipe between the two videos</source>
            <translation>Wipe between the two videos</translation>
        </message>
    </context>
    <context>
        <name>BaseUrls</name>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="21" />
            <source>DashScope (Alibaba Cloud Bailian), Beijing</source>
            <translation>DashScope (Alibaba Cloud Bailian), Beijing</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="25" />
            <source>DashScope international, Singapore (its own keys)</source>
            <translation>DashScope international, Singapore (its own keys)</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="29" />
            <source>PixVerse Platform API</source>
            <translation>PixVerse Platform API</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="31" />
            <source>OpenAI</source>
            <translation>OpenAI</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="39" />
            <source>Through a gateway: its address with the prefix it relays DashScope under, e.g. https://gateway.example/alibailian</source>
            <translation>Through a gateway: its address with the prefix it relays DashScope under, e.g. https://gateway.example/alibailian</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="45" />
            <source>Through a gateway: its address without /v1, e.g. https://gateway.example</source>
            <translation>Through a gateway: its address without /v1, e.g. https://gateway.example</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="49" />
            <source>The gateway's address without /api, e.g. https://gateway.example</source>
            <translation>The gateway's address without /api, e.g. https://gateway.example</translation>
        </message>
    </context>
    <context>
        <name>KnownUrlsButton</name>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="62" />
            <source>Known base URLs</source>
            <translation>Known base URLs</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/widgets/base_urls.py" line="61" />
            <source>Known a&amp;ddresses</source>
            <translation>Known a&amp;ddresses</translation>
        </message>
    </context>
    <context>
        <name>Provider</name>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="318" />
            <source>Alibaba Bailian / DashScope</source>
            <translation>Alibaba Bailian / DashScope</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="319" />
            <source>PixVerse</source>
            <translation>PixVerse</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="320" />
            <source>new-api gateway (Kling, Jimeng, Vidu)</source>
            <translation>new-api gateway (Kling, Jimeng, Vidu)</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="321" />
            <source>OpenAI videos (Sora) or a compatible gateway</source>
            <translation>OpenAI videos (Sora) or a compatible gateway</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="322" />
            <source>AiSphere gateway (PixVerse models)</source>
            <translation>AiSphere gateway (PixVerse models)</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="323" />
            <source>UniAll (Vidu Q3)</source>
            <translation>UniAll (Vidu Q3)</translation>
        </message>
        <message>
            <location filename="../../work/wt-window/gui/texts.py" line="324" />
            <source>Offline preview</source>
            <translation>Offline preview</translation>
        </message>
    </context>
</TS>
