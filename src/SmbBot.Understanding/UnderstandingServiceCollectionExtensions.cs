using LiteDB;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.Data;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Understanding.Languages;

namespace SmbBot.Understanding;

/// <summary>Registers the embedding model, the FAQ index, the bot's understanding and the start-up that loads them.</summary>
public static class UnderstandingServiceCollectionExtensions
{
    /// <summary>Name of the LiteDB collection of FAQ phrasings.</summary>
    public const string FaqCollectionName = "faq_phrasings";

    /// <summary>
    /// Adds <see cref="ITurnUnderstanding"/> and <see cref="KnowledgeStartup"/>. Needs <see cref="ILiteDatabase"/>,
    /// the <see cref="Core.Knowledge.KnowledgeBase"/> and the <c>Routing</c> and <c>Languages</c> options registered by the caller.
    /// </summary>
    public static IServiceCollection AddTurnUnderstanding(this IServiceCollection services, Func<IServiceProvider, UnderstandingPaths> paths)
    {
        services.AddSingleton<UnderstandingPaths>(paths);
        services.AddSingleton<MiniLmEmbeddingGenerator>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<MiniLmEmbeddingGenerator>());
        services.AddSingleton<FaqPhrasingCollection>(sp => new LiteDbFaqCollection(sp.GetRequiredService<ILiteDatabase>(), FaqCollectionName,
            sp.GetRequiredService<MiniLmEmbeddingGenerator>()));
        services.AddSingleton(sp => new EmbeddingCache(sp.GetRequiredService<MiniLmEmbeddingGenerator>()));
        services.AddSingleton<LinguaLanguageDetector>();
        services.AddSingleton<MessageLanguages>();
        services.AddSingleton<BotRuntime>();
        // The FAQ as a Semantic Kernel text search, for kernel plugins; available once the start-up has run.
        services.AddSingleton<ITextSearch<FaqPhrasingRecord>>(sp => sp.GetRequiredService<BotRuntime>().TextSearch
            ?? throw new InvalidOperationException("the FAQ is not indexed yet"));
        services.AddSingleton<ITurnUnderstanding>(sp => sp.GetRequiredService<BotRuntime>());
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }
}
