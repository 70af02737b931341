using SmbBot.Core.Languages;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Languages;

/// <summary>Emergencies written in the other languages, as customers type them, and ordinary questions that share words with them.</summary>
public class EmergencyPhrasesTests
{
    [Theory]
    [InlineData("es", "Hola, huele muchísimo a gas en la cocina desde que vino el técnico, ¿qué hago?")]
    [InlineData("es", "mi hijo no respira bien después de comer el pastel, tiene reacción alérgica")]
    [InlineData("es", "Me han cobrado dos veces el mismo pedido en la tarjeta")]
    [InlineData("es", "se está inundando el baño, sale agua por todas partes")]
    [InlineData("fr", "Il y a une fuite de gaz dans l'appartement, ça sent très fort")]
    [InlineData("fr", "Mon compte a été piraté, quelqu'un a changé mon mot de passe")]
    [InlineData("fr", "Ma mère s'est évanouie dans votre magasin, appelez le SAMU")]
    [InlineData("de", "Bei uns riecht es nach Gas seit der Reparatur gestern")]
    [InlineData("de", "Die Wohnung ist nach dem Rohrbruch komplett unter Wasser, Wasserschaden überall")]
    [InlineData("de", "Sie haben zweimal abgebucht, das ist Betrug!")]
    [InlineData("pl", "Czuć gaz w całym mieszkaniu, co mam robić?")]
    [InlineData("pl", "Ktoś się włamał do mojego domu w nocy")]
    [InlineData("pl", "moje konto zostało zhakowane i ktoś zmienił hasło")]
    [InlineData("pt", "Há um vazamento de gás na cozinha depois da instalação")]
    [InlineData("pt", "o meu pai desmaiou e não respira direito")]
    [InlineData("pt", "fui cobrado duas vezes pela mesma encomenda")]
    [InlineData("it", "C'è una fuga di gas in casa, cosa devo fare?")]
    [InlineData("it", "Il bagno è allagato, l'acqua arriva in salotto")]
    [InlineData("it", "mi avete addebitato due volte lo stesso ordine")]
    [InlineData("nl", "Ik ruik gas in de keuken sinds de monteur weg is")]
    [InlineData("nl", "Er is ingebroken in ons huis, de deur is kapot")]
    [InlineData("nl", "Het stopcontact geeft vonken en het ruikt naar brand")]
    public void An_emergency_in_another_language_is_found(string language, string message) =>
        Assert.NotNull(EmergencyPhrases.Find(language, message));

    [Theory]
    [InlineData("es", "¿Tienen sangría en el menú del sábado?")]
    [InlineData("es", "¿Ofrecen servicio de emergencias los domingos?")]
    [InlineData("es", "¿Cuánto cuesta el envío a Valencia?")]
    [InlineData("fr", "Est-ce que vous livrez le samedi ?")]
    [InlineData("fr", "Je voudrais réserver une table près du feu de cheminée")]
    [InlineData("de", "Kann ich bei Ihnen den Blutdruck messen lassen?")]
    [InlineData("de", "Verkaufen Sie auch Feuerwerk zu Silvester?")]
    [InlineData("pl", "Czy wysyłacie zamówienia do Niemiec?")]
    [InlineData("pt", "Vocês entregam em Lisboa ao sábado?")]
    [InlineData("it", "Avete tavoli per fumatori all'aperto?")]
    [InlineData("nl", "Hoe laat gaat de winkel open op zaterdag?")]
    public void An_ordinary_question_is_not_an_emergency(string language, string message) =>
        Assert.Null(EmergencyPhrases.Find(language, message));

    [Fact]
    public void Every_language_the_bot_recognises_has_a_list() =>
        Assert.Equal(LanguageCatalog.Others.Keys.Order(), EmergencyPhrases.Languages.Order());

    [Fact]
    public void English_and_unknown_languages_have_none() =>
        Assert.Null(EmergencyPhrases.Find("en", "there is a gas leak"));

    [Fact]
    public void An_emergency_outranks_an_FAQ_answer_and_makes_the_ticket_urgent()
    {
        var horario = new FaqCandidate("horario", "¿Cuál es su horario?", 0.9, AnswerText: "9-18");
        var answered = new TurnDecision(Route.Faq, new IntentPrediction(Intents.Faq, 0.9f), horario, [], [horario], "clear FAQ match");

        var decision = ForeignMessagePolicy.Apply(answered, new MessageLanguage("es", "detected es"), _ => "es",
            "¿Cuál es su horario? Hay humo saliendo del enchufe");

        Assert.Equal((Route.Escalate, Intents.Urgent, true), (decision.Route, decision.Intent.Intent, decision.LanguageHandover));
        Assert.Null(decision.Answer);
        Assert.Contains("humo", decision.Reason);
        Assert.Equal(Core.Conversations.EscalationReason.UrgentSafety, Core.Conversations.ConversationFlow.ReasonFor(decision, "x"));
    }
}
