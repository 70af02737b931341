namespace AdaptiveCards;

/// <summary>Empty stand-in for the one type Microsoft.Bot.Schema names; see the project file.</summary>
public class AdaptiveCard
{
}
