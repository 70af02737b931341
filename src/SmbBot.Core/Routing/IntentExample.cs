namespace SmbBot.Core.Routing;

/// <summary>A training utterance for a routing intent.</summary>
public sealed record IntentExample(string Intent, string Text);
