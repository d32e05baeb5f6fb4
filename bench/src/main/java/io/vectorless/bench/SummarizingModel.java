package io.vectorless.bench;

import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The stub model the pipeline benchmarks talk to: it summarizes whatever it is given, as the prompts ask. */
final class SummarizingModel {
    private static final Pattern IDS = Pattern.compile("these ids: (.+)$", Pattern.MULTILINE);

    private SummarizingModel() {
    }

    /** A JSON object with a summary for every node id the prompt lists, or an overview when it lists none. */
    static Reply summaries(ScriptedLlmServer.Call call) {
        Matcher ids = IDS.matcher(call.userText());
        if (!ids.find()) {
            return Reply.content("An overview of the document.");
        }
        StringBuilder json = new StringBuilder("{");
        String[] list = ids.group(1).split(",\\s*");
        for (int i = 0; i < list.length; i++) {
            json.append(i == 0 ? "" : ",").append(list[i].trim()).append(":\"Summary.\"");
        }
        return Reply.content(json.append('}').toString());
    }
}
