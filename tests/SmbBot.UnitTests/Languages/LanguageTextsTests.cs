using SmbBot.Core.Languages;

namespace SmbBot.UnitTests.Languages;

public class LanguageTextsTests
{
    [Fact]
    public void Every_recognised_language_has_its_replies_with_the_ticket_number()
    {
        var texts = LanguageTexts.Load(Path.Combine(RepoRoot.Path, "knowledge"));
        foreach (var code in LanguageCatalog.Others.Keys)
        {
            var replies = texts.For(code);
            Assert.NotNull(replies);
            Assert.Contains("{ticket}", replies.Served);
            Assert.Contains("{ticket}", replies.NotServed);
            Assert.Contains("{ticket}", replies.Added);
        }
        Assert.Null(texts.For("en"));
    }

    [Fact]
    public void Every_recognised_language_has_a_whole_email_frame_that_can_be_filled()
    {
        foreach (var code in LanguageCatalog.Others.Keys)
        {
            var mail = LanguageTexts.BuiltIn.For(code)!.Mail;
            Assert.NotNull(mail);
            Assert.Null(mail.Problem());
            Assert.Equal(mail, mail.Over(MailTexts.English)); // no text falls back to English
            Assert.All(new[] { mail.Subject, mail.Wrote, mail.HowToAnswer, mail.Conversation, mail.Omitted, mail.You, mail.YouByEmail, mail.Assistant },
                t => Assert.False(string.IsNullOrWhiteSpace(t)));
            Assert.NotEqual(MailTexts.English.Subject, mail.Subject);
        }
    }

    [Fact]
    public void A_file_that_leaves_out_email_texts_keeps_the_built_in_ones_per_text()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "languages.json"), """
            { "es": { "served": "S {ticket}", "notServed": "N {ticket}", "askEmail": "E", "added": "A {ticket}", "mail": { "you": "Cliente" } },
              "fr": { "served": "S {ticket}", "notServed": "N {ticket}", "askEmail": "E", "added": "A {ticket}" } }
            """);
        var texts = LanguageTexts.Load(folder.Path);

        Assert.Equal(LanguageTexts.BuiltIn.For("es")!.Mail! with { You = "Cliente" }, texts.For("es")!.Mail);
        Assert.Equal(LanguageTexts.BuiltIn.For("fr")!.Mail, texts.For("fr")!.Mail);
        Assert.False(texts.SameAs(LanguageTexts.BuiltIn));
    }

    [Fact]
    public void A_knowledge_folder_without_the_file_uses_the_built_in_texts()
    {
        using var folder = new TempFolder();
        Assert.Same(LanguageTexts.BuiltIn, LanguageTexts.Load(folder.Path));
    }

    [Fact]
    public void The_file_replaces_the_texts_of_the_languages_it_lists()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "languages.json"),
            """{ "es": { "served": "S {ticket}", "notServed": "N {ticket}", "askEmail": "E", "added": "A {ticket}" } }""");
        var texts = LanguageTexts.Load(folder.Path);
        Assert.Equal("S {ticket}", texts.For("es")!.Served);
        Assert.Equal(LanguageTexts.BuiltIn.For("fr"), texts.For("fr"));
    }

    [Theory]
    [InlineData("""{ "sv": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A" } }""", 0, "'sv' is not a language the bot recognises")]
    [InlineData("""{ "es": { "served": "S", "notServed": "", "askEmail": "E", "added": "A" } }""", 0, "'es' needs the texts")]
    [InlineData("""{ "es": { "served": "S", "notServed": "N", "askEmail": "E" } }""", 0, "'es' needs the texts")]
    [InlineData("""{ "es": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A", "mail": { "subject": "Respuesta de {business}" } } }""", 0, "'es' mail.subject needs {ticket}: the number is how a customer's answer finds its ticket")]
    [InlineData("""{ "es": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A", "mail": { "subject": "Respuesta ({ticket})" } } }""", 0, "'es' mail.subject must start with [{ticket}]")]
    [InlineData("""{ "es": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A", "mail": { "wrote": "{staf} escribió:" } } }""", 0, "'es' mail.wrote uses {staf}, which it cannot fill (use {staff}, {business})")]
    [InlineData("""{ "es": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A", "mail": { "you": "Usted {count}" } } }""", 0, "'es' mail.you uses {count}, which it cannot fill (it takes no placeholders)")]
    [InlineData("""{ "es": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A", "mail": { "omitted": "(mensajes omitidos)" } } }""", 0, "'es' mail.omitted needs {count}")]
    [InlineData("""{ "es": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A", "mail": { "howToAnswer": "Conteste (mantenga {ticket} en el asunto)." } } }""", 0, "'es' mail.howToAnswer must tell the customer to write \"stop\"")]
    [InlineData("{\n  \"es\": \"S\"\n}", 2, "not valid JSON")]
    [InlineData("""{ "es": """, 1, "not valid JSON")]
    public void A_bad_file_fails_as_a_knowledge_file_with_its_name_the_line_and_the_reason(string json, int line, string reason)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "languages.json"), json);
        var e = Assert.Throws<SmbBot.Core.KnowledgeFiles.KnowledgeFileException>(() => LanguageTexts.Load(folder.Path, "shop/languages.json"));
        Assert.Equal(("shop/languages.json", line), (e.File, e.Line));
        Assert.Contains(reason, e.Reason);
        Assert.StartsWith("shop/languages.json", e.Message);
    }

    [Fact]
    public void Texts_are_the_same_only_when_every_language_gives_the_same_replies()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "languages.json");
        File.WriteAllText(file, """{ "es": { "served": "S {ticket}", "notServed": "N {ticket}", "askEmail": "E", "added": "A {ticket}" } }""");
        var first = LanguageTexts.Load(folder.Path);

        Assert.True(first.SameAs(LanguageTexts.Load(folder.Path)));
        Assert.False(first.SameAs(LanguageTexts.BuiltIn));
        File.WriteAllText(file, """{ "es": { "served": "S {ticket}", "notServed": "N {ticket}", "askEmail": "E", "added": "Añadido {ticket}" } }""");
        Assert.False(first.SameAs(LanguageTexts.Load(folder.Path)));
        Assert.True(LanguageTexts.BuiltIn.SameAs(LanguageTexts.Load(Path.Combine(folder.Path, "none"))));
    }

    [Fact]
    public void Served_languages_must_be_ones_the_bot_recognises()
    {
        var options = new LanguageOptions { Served = ["es", "klingon"] };
        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Equal("Languages:Served:1 'klingon' is not a language the bot recognises (use es, fr, de, pl, pt, it, nl)", Assert.Single(results).ErrorMessage);
        Assert.True(options.Serves("es"));
        Assert.False(options.Serves("fr"));
    }
}
