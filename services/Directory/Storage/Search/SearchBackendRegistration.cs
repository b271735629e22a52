using Microsoft.Extensions.Logging;
using HealingNetwork.Directory.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Picks the search backend from configuration alone: `ConnectionStrings:elasticsearch` selects
/// Elasticsearch; otherwise the embedded Lucene index on disk under `Directory:IndexPath`.
/// </summary>
public static class SearchBackendRegistration
{
    public static IHostApplicationBuilder AddListingSearch(this IHostApplicationBuilder builder)
    {
        var elasticsearch = builder.Configuration.GetConnectionString("elasticsearch");
        if (!string.IsNullOrEmpty(elasticsearch))
        {
            builder.Services.AddSingleton(_ => ElasticsearchListingIndex.CreateClient(elasticsearch));
            builder.Services.AddSingleton<IListingSearchIndex>(sp => ActivatorUtilities.CreateInstance<ElasticsearchListingIndex>(sp));
        }
        else
        {
            builder.Services.AddSingleton<IListingSearchIndex>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value;
                return new LuceneListingIndex(options.IndexPath, sp.GetRequiredService<ModalityTaxonomy>(),
                    sp.GetRequiredService<ILogger<LuceneListingIndex>>());
            });
        }
        builder.Services.AddSingleton<SearchIndexFeed>();
        builder.Services.AddHostedService<SearchIndexFeedWorker>();
        return builder;
    }
}
