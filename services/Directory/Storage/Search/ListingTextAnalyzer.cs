using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// The analyzer of the listings' free text, at index and at query time: Lucene's EnglishAnalyzer chain
/// (standard tokenizer, possessives, lower case, English stop words, Porter stemming) with accents
/// folded after lower-casing. The directory is international ("José", "Vitória", "Müller") and most
/// people type names without their accents: "jose" must find "José". The original token is kept
/// beside its folded form (same position), so "José" finds "Jose" too and an exact spelling scores
/// a little higher than a folded one. The Elasticsearch mapping builds the same chain
/// (<see cref="ElasticsearchListingMapping"/>).
/// </summary>
internal sealed class ListingTextAnalyzer : Analyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new StandardFilter(Version, source);
        result = new EnglishPossessiveFilter(Version, result);
        result = new LowerCaseFilter(Version, result);
        result = new ASCIIFoldingFilter(result, preserveOriginal: true);
        result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
