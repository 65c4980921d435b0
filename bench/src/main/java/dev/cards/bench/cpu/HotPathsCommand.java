package dev.cards.bench.cpu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@link HotPaths} of a JFR recording. The samples are JDK 25's CPU-time samples
 * (jdk.CPUTimeSample, JEP 509), which also catch threads in native code such as libargon2, where
 * the recording has them; else the execution samples, which only see Java code. Run it on the JDK
 * that made the recording (bench/run does), so that it knows every event type.
 */
@Command(name = "hot-paths", mixinStandardHelpOptions = true,
        description = "Share of a JFR recording's CPU samples with each named code on the stack; prints one JSON line.")
public class HotPathsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "the .jfr file")
    Path recording;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "name=regex", description = "what to look for, matched against class.method")
    List<String> specs;

    @Override
    public void run() {
        Map<String, Pattern> patterns;
        try {
            patterns = HotPaths.parse(specs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<RecordedEvent> events;
        try {
            events = RecordingFile.readAllEvents(recording);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + recording + ": " + e.getMessage(), e);
        }
        String type = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        HotPaths hotPaths = new HotPaths(patterns);
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(type) || event.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            hotPaths.sample(frames);
        }
        spec.commandLine().getOut().println(hotPaths.json(type));
        spec.commandLine().getOut().flush();
    }
}
