using SmbBot.Core.KnowledgeEditing;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>The FAQ editor: draft, preview, background publish, folder watcher, versions.</summary>
public static class KnowledgeEditorServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeEditor(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeDraft>();
        services.AddSingleton<IKnowledgeVersionStore, FileKnowledgeVersionStore>();
        services.AddSingleton<KnowledgePreview>();
        services.AddSingleton<KnowledgePublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgePublisher>());
        services.AddHostedService<KnowledgeFolderWatcher>();
        return services;
    }

    /// <summary>Maps <c>/console/knowledge/status</c>, the publish progress the editor page polls.</summary>
    public static IEndpointRouteBuilder MapKnowledgeEditor(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console/knowledge/status", (KnowledgePublisher publisher) => TypedResults.Ok(publisher.Status))
            .RequireAuthorization(StaffConsoleServiceCollectionExtensions.AdminPolicy);
        return app;
    }
}
