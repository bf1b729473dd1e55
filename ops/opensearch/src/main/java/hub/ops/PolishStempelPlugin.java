package hub.ops;

import java.util.Map;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * The two token filters of OpenSearch's analysis-stempel plugin, under the same names
 * ({@code polish_stem}, {@code polish_stop}), for the test cluster: that plugin is published
 * as a zip outside Maven Central, while Lucene's Stempel module is on it. A production cluster
 * installs the real plugin ({@code opensearch-plugin install analysis-stempel}); the hub's
 * index settings are the same either way.
 */
public class PolishStempelPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "polish_stem", (indexSettings, environment, name, settings) -> new Stem(indexSettings, name, settings),
                "polish_stop", (indexSettings, environment, name, settings) -> new Stop(indexSettings, name, settings));
    }

    /** Stempel's stemmer with Lucene's default Polish table. */
    static final class Stem extends AbstractTokenFilterFactory {
        Stem(final IndexSettings indexSettings, final String name, final Settings settings) {
            super(indexSettings, name, settings);
        }

        @Override
        public TokenStream create(final TokenStream tokenStream) {
            return new StempelFilter(tokenStream, new StempelStemmer(PolishAnalyzer.getDefaultTable()));
        }
    }

    /** Lucene's Polish stop words. */
    static final class Stop extends AbstractTokenFilterFactory {
        Stop(final IndexSettings indexSettings, final String name, final Settings settings) {
            super(indexSettings, name, settings);
        }

        @Override
        public TokenStream create(final TokenStream tokenStream) {
            return new StopFilter(tokenStream, PolishAnalyzer.getDefaultStopSet());
        }
    }
}
