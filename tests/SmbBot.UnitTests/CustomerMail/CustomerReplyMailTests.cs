using SmbBot.Core.Conversations;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Languages;
using SmbBot.Core.Tickets;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.CustomerMail;

/// <summary>The frame of a staff reply's e-mail: English as it always was, or the language the customer wrote in.</summary>
public class CustomerReplyMailTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.From(EscalationOptionsTests.Valid()); // Europe/London

    private static Ticket Ticket(string language) => new()
    {
        Id = 42,
        Language = language,
        TranscriptOmitted = 3,
        Transcript =
        [
            new() { At = new DateTime(2026, 12, 1, 10, 5, 0, DateTimeKind.Utc), From = Speaker.Customer, Text = "¿Dónde está mi tienda?" },
            new() { At = new DateTime(2026, 12, 1, 10, 5, 1, DateTimeKind.Utc), From = Speaker.Bot, Text = "Se lo paso a una persona." },
            new() { At = new DateTime(2026, 12, 2, 9, 30, 0, DateTimeKind.Utc), From = Speaker.Customer, Via = "email", Text = "¿Alguna novedad?" },
            new() { At = new DateTime(2026, 12, 2, 9, 45, 0, DateTimeKind.Utc), From = Speaker.Staff, Name = "Sam", Text = "Sale hoy." },
        ],
    };

    private static (string Subject, string Body) Mail(string language, LanguageTexts? languages) =>
        (CustomerReplyMail.Subject(Ticket(language), "Harbour & Pine", languages),
         CustomerReplyMail.Body(Ticket(language), "Harbour & Pine", "Sam", " Sale hoy. ", Calendar, languages));

    [Theory]
    [InlineData("")]
    [InlineData("en")]
    [InlineData("sv")] // detected but not one of the languages with texts
    public void A_ticket_in_English_or_another_language_without_texts_gets_the_English_frame_as_before(string language)
    {
        var (subject, body) = Mail(language, LanguageTexts.BuiltIn);

        Assert.Equal("[T-1042] Reply from Harbour & Pine", subject);
        Assert.Equal("""
            Sam from Harbour & Pine wrote:

            Sale hoy.

            To answer, reply to this e-mail (keep T-1042 in the subject). Write "stop" alone to get no more e-mails about this request.

            --- Your conversation with Harbour & Pine so far (T-1042) ---

            (3 earlier messages left out)

            1 Dec 10:05 You:
            ¿Dónde está mi tienda?

            1 Dec 10:05 Harbour & Pine assistant:
            Se lo paso a una persona.

            2 Dec 09:30 You (by e-mail):
            ¿Alguna novedad?

            2 Dec 09:45 Sam (Harbour & Pine):
            Sale hoy.

            """.Replace("\r\n", "\n"), body);
    }

    [Fact]
    public void Without_language_texts_a_Spanish_ticket_keeps_the_English_frame() =>
        Assert.Equal(Mail("", LanguageTexts.BuiltIn), Mail("es", null));

    [Fact]
    public void A_Spanish_ticket_gets_a_Spanish_frame_with_dates_in_numbers()
    {
        var (subject, body) = Mail("es", LanguageTexts.BuiltIn);

        Assert.Equal("[T-1042] Respuesta de Harbour & Pine", subject);
        Assert.Equal("""
            Sam, de Harbour & Pine, escribió:

            Sale hoy.

            Para responder, conteste a este correo (mantenga T-1042 en el asunto). Escriba solo "stop" para no recibir más correos sobre esta solicitud.

            --- Su conversación con Harbour & Pine hasta ahora (T-1042) ---

            (3 mensajes anteriores omitidos)

            2026-12-01 10:05 Usted:
            ¿Dónde está mi tienda?

            2026-12-01 10:05 Asistente de Harbour & Pine:
            Se lo paso a una persona.

            2026-12-02 09:30 Usted (por correo electrónico):
            ¿Alguna novedad?

            2026-12-02 09:45 Sam (Harbour & Pine):
            Sale hoy.

            """.Replace("\r\n", "\n"), body);
        Assert.Equal(42, InboundMailMatch.NumberIn("Re: " + subject));
    }

    [Fact]
    public void A_Polish_ticket_gets_a_Polish_frame()
    {
        var (subject, body) = Mail("pl", LanguageTexts.BuiltIn);

        Assert.Equal("[T-1042] Odpowiedź od firmy Harbour & Pine", subject);
        Assert.StartsWith("Sam (Harbour & Pine) pisze:\n\nSale hoy.\n\nAby odpowiedzieć, proszę odpisać na tę wiadomość (z numerem T-1042 w temacie).", body);
        Assert.Contains("proszę napisać samo słowo „stop”.", body);
        Assert.Contains("--- Dotychczasowa rozmowa z firmą Harbour & Pine (T-1042) ---", body);
        Assert.Contains("(pominięte wcześniejsze wiadomości: 3)", body);
        Assert.Contains("2026-12-01 10:05 Pani/Pan:\n¿Dónde está mi tienda?", body);
        Assert.Contains("2026-12-01 10:05 Asystent firmy Harbour & Pine:", body);
        Assert.Contains("2026-12-02 09:30 Pani/Pan (e-mailem):", body);
        Assert.DoesNotContain("Dec", body);
    }

    [Fact]
    public void A_business_file_changes_the_frame_and_names_are_never_read_as_placeholders()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "languages.json"), """
            { "es": { "served": "S {ticket}", "notServed": "N {ticket}", "askEmail": "E", "added": "A {ticket}",
                      "mail": { "subject": "[{ticket}] Su pedido en {business}" } } }
            """);
        var texts = LanguageTexts.Load(folder.Path);

        Assert.Equal("[T-1042] Su pedido en {staff}", CustomerReplyMail.Subject(Ticket("es"), "{staff}", texts));
        Assert.StartsWith("Sam, de Harbour & Pine, escribió:", CustomerReplyMail.Body(Ticket("es"), "Harbour & Pine", "Sam", "x", Calendar, texts));
    }
}
