using LiteDB;
using Microsoft.SemanticKernel.Data;
using Microsoft.Extensions.AI;
using SmbBot.Core.Routing;
using SmbBot.Host.Configuration;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Host.Runtime;

/// <summary>Registers the store, the embedding model, the FAQ index and the bot's understanding.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Name of the LiteDB collection of FAQ phrasings.</summary>
    public const string FaqCollectionName = "faq_phrasings";

    /// <summary>Adds the runtime services and the start-up that loads them.</summary>
    public static IServiceCollection AddSmbBotRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => SmbBotPaths.From(configuration));
        services.AddSingleton<ILiteDatabase>(sp => OpenDatabase(sp.GetRequiredService<SmbBotPaths>()));
        services.AddSingleton<MiniLmEmbeddingGenerator>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<MiniLmEmbeddingGenerator>());
        services.AddSingleton(sp => new LiteDbFaqCollection(sp.GetRequiredService<ILiteDatabase>(), FaqCollectionName,
            sp.GetRequiredService<MiniLmEmbeddingGenerator>()));
        services.AddSingleton<BotRuntime>();
        // The FAQ as a Semantic Kernel text search, for kernel plugins; available once the start-up has run.
        services.AddSingleton<ITextSearch<FaqPhrasingRecord>>(sp => sp.GetRequiredService<BotRuntime>().TextSearch
            ?? throw new InvalidOperationException("the FAQ is not indexed yet"));
        services.AddSingleton<ITurnUnderstanding>(sp => sp.GetRequiredService<BotRuntime>());
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }

    /// <summary>Opens the one LiteDB file of the process, creating the data folder on first start.</summary>
    public static LiteDatabase OpenDatabase(SmbBotPaths paths)
    {
        Directory.CreateDirectory(paths.Data);
        return new LiteDatabase(new ConnectionString { Filename = paths.Database, Connection = ConnectionType.Direct });
    }
}
