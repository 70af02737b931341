namespace SmbBot.Core.Routing;

/// <summary>The routing intents the classifier tells apart.</summary>
public static class Intents
{
    /// <summary>A question the FAQ may answer; learnt from the FAQ's own questions.</summary>
    public const string Faq = "faq";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    /// <summary>The customer asks for a person.</summary>
    public const string Human = "human";
    public const string Complaint = "complaint";
    /// <summary>A request about the customer's own records: an order, an invoice, a booking.</summary>
    public const string Account = "account";
    /// <summary>Something urgent or unsafe.</summary>
    public const string Urgent = "urgent";
    /// <summary>Nothing the business deals with.</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>Intents that need a file in <c>intents/</c>.</summary>
    public static readonly IReadOnlySet<string> Required =
        new HashSet<string> { Greeting, Thanks, Goodbye, Human, Complaint, Account, Urgent, OutOfScope };

    /// <summary>Intents that may have a file in <c>intents/</c> (extra FAQ-style examples go in <c>faq.txt</c>).</summary>
    public static readonly IReadOnlySet<string> Trainable = new HashSet<string>(Required) { Faq };

    /// <summary>Intents a person must handle.</summary>
    public static bool NeedsPerson(string intent) => intent is Human or Complaint or Account or Urgent;

    /// <summary>
    /// Intents that open an ordinary ticket (their category and priority differ, and staff can change them): telling
    /// them apart matters less than seeing that a person is needed. <see cref="Urgent"/> is not one of them: it makes
    /// the ticket urgent and adds the safety instruction.
    /// </summary>
    public static bool IsHandover(string intent) => intent is Human or Complaint or Account;

    /// <summary>Intents answered with a short social reply.</summary>
    public static bool IsSmallTalk(string intent) => intent is Greeting or Thanks or Goodbye;
}
