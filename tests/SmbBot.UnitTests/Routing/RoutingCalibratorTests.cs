using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Routing;

public class RoutingCalibratorTests
{
    private static HeldOutTurn Faq(string expected, double score, string? best = null, double runnerUp = 0.1, float intentConfidence = 0.9f) =>
        new("q", Intents.Faq, expected, new IntentPrediction(Intents.Faq, intentConfidence),
            [new FaqCandidate(best ?? expected, "Q", score), new FaqCandidate("other", "Q", runnerUp)]);

    private static HeldOutTurn Other(string expected, string predicted, float confidence, double faqScore = 0.2, float? handover = null) =>
        new("m", expected, null, new IntentPrediction(predicted, confidence, handover), [new FaqCandidate("some-entry", "Q", faqScore)]);

    /// <summary>
    /// 30 right answers (two phrasings for each of 15 entries) scored 0.60-0.89, wrong ones at 0.65 and 0.55; small
    /// talk right from 0.71, wrong up to 0.54; hand-overs right from 0.70 (a complaint taken for a request for a person
    /// counts as right), wrong up to 0.653.
    /// </summary>
    private static List<HeldOutTurn> Turns()
    {
        var turns = Enumerable.Range(0, 30).Select(i => Faq($"e{i % 15}", 0.60 + i / 100.0)).ToList();
        turns.Add(Faq("e1", 0.65, best: "e2"));
        turns.Add(Faq("e1", 0.55, best: "e2"));
        turns.AddRange(Enumerable.Range(0, 20).Select(i => Other(Intents.Greeting, Intents.Greeting, 0.71f + i / 100f)));
        turns.AddRange(Enumerable.Range(0, 5).Select(i => Other(Intents.Thanks, Intents.Greeting, 0.5f + i / 100f)));
        turns.AddRange(Enumerable.Range(0, 20).Select(i => Other(Intents.Complaint, Intents.Human, 0.4f, handover: 0.7f + i / 100f)));
        turns.Add(Other(Intents.Faq, Intents.Account, 0.4f, handover: 0.60f));
        turns.Add(Other(Intents.Faq, Intents.Account, 0.4f, handover: 0.62f));
        turns.Add(Other(Intents.Urgent, Intents.Human, 0.4f, handover: 0.653f)); // urgent never counts with the others
        return turns;
    }

    [Fact]
    public void Chooses_each_threshold_at_its_target_through_the_turn_policy()
    {
        var options = new RoutingOptions { IntentPrecision = 1.0, HandoverPrecision = 1.0, AnswerPrecision = 1.0, SuggestionPrecision = 0.5 };

        var (calibration, resolved) = RoutingCalibrator.Calibrate(Turns(), options);

        Assert.Equal(0.55, resolved.MinIntentConfidence);   // the wrong "greeting" predictions reach 0.54
        Assert.Equal(0.66, resolved.MinHandoverConfidence); // the wrong hand-overs reach 0.653
        Assert.Equal(0.66, resolved.AnswerScore);           // the wrong answer at 0.65
        Assert.True(resolved.ClarifyScore <= resolved.AnswerScore);
        Assert.Equal((25, 23), (calibration.Intent.Samples, calibration.Handover.Samples));
        Assert.Equal(20 / 20.0, calibration.Handover.Coverage);
        // Turns that are not handed over count too: with a low answer threshold their weak FAQ match (0.2) would be
        // answered (the 25 small-talk turns and the urgent one below 0.66; the two FAQ-style ones without a known
        // entry cannot be judged).
        Assert.Equal(58, calibration.Answer.Samples);
        Assert.All(calibration.InUse(options, resolved).Take(3), t => Assert.StartsWith("calibrated", t.Source));
    }

    [Fact]
    public void A_request_for_a_person_counts_the_handover_intents_together()
    {
        var options = new RoutingOptions { MinHandoverConfidence = 0.8, MinIntentConfidence = 0.8 };
        var split = new IntentPrediction(Intents.Human, 0.55f, HandoverConfidence: 0.95f);
        var urgent = new IntentPrediction(Intents.Urgent, 0.55f);

        Assert.Equal(Route.Escalate, TurnPolicy.Decide(split, [], options).Route);
        Assert.NotEqual(Route.Escalate, TurnPolicy.Decide(urgent, [], options).Route);
    }

    [Fact]
    public void A_message_sent_to_a_person_by_a_sure_intent_is_not_counted_as_an_answer()
    {
        var resolved = new RoutingOptions { MinIntentConfidence = 0.5 };
        var complaint = Other(Intents.Complaint, Intents.Complaint, 0.9f, faqScore: 0.95);
        var unsure = Other(Intents.Complaint, Intents.Complaint, 0.3f, faqScore: 0.95);

        var outcomes = RoutingCalibrator.AnswerOutcomes([complaint, unsure], resolved);

        var only = Assert.Single(outcomes);
        Assert.Equal(0.95, only.Score);
        Assert.False(only.Correct); // no FAQ entry should answer a complaint
    }

    [Fact]
    public void Intent_and_handover_outcomes_split_the_predictions_and_leave_out_faq()
    {
        HeldOutTurn[] turns = [Faq("e1", 0.8), Other(Intents.Thanks, Intents.Greeting, 0.6f), Other(Intents.Complaint, Intents.Human, 0.5f, handover: 0.9f)];

        var intent = Assert.Single(RoutingCalibrator.IntentOutcomes(turns));
        var handover = Assert.Single(RoutingCalibrator.HandoverOutcomes(turns));

        Assert.False(intent.Correct);
        Assert.Equal((0.9, true), (Math.Round(handover.Score, 4), handover.Correct));
    }

    [Fact]
    public void A_threshold_set_in_the_options_is_kept()
    {
        var options = new RoutingOptions { AnswerScore = 0.93, IntentPrecision = 1.0, AnswerPrecision = 1.0 };

        var (calibration, resolved) = RoutingCalibrator.Calibrate(Turns(), options);

        Assert.Equal(0.93, resolved.AnswerScore);
        Assert.Equal("set in Routing", calibration.InUse(options, resolved).Single(t => t.Setting == "AnswerScore").Source);
    }

    [Fact]
    public void Too_few_held_out_decisions_or_an_unreachable_target_fall_back()
    {
        var few = Turns().Take(10).ToList();
        var (calibration, resolved) = RoutingCalibrator.Calibrate(few, new RoutingOptions());
        Assert.Equal(RoutingOptions.FallbackAnswerScore, resolved.AnswerScore);
        Assert.StartsWith("thin evidence", calibration.InUse(new RoutingOptions(), resolved)[2].Source);

        var allWrong = Enumerable.Range(0, 25).Select(i => Faq($"e{i % 10}", 0.5 + i / 100.0, best: "x")).ToList();
        var (unreached, fallback) = RoutingCalibrator.Calibrate(allWrong, new RoutingOptions());
        Assert.False(unreached.Answer.Reached);
        Assert.Equal(RoutingOptions.FallbackAnswerScore, fallback.AnswerScore);
        Assert.StartsWith("thin evidence: no threshold reached", unreached.InUse(new RoutingOptions(), fallback)[2].Source);
    }

    [Fact]
    public void An_faq_with_one_question_per_entry_gets_the_default_answer_threshold_and_says_why()
    {
        // One phrasing per entry: the replays say little about customers' own words, whatever they score.
        var turns = Enumerable.Range(0, 40).Select(i => Faq($"e{i}", 0.80 + i / 1000.0)).ToList();

        var (calibration, resolved) = RoutingCalibrator.Calibrate(turns, new RoutingOptions());

        Assert.Equal(RoutingOptions.FallbackAnswerScore, resolved.AnswerScore);
        Assert.True(calibration.ThinFaq);
        Assert.StartsWith("thin evidence: the FAQ gives 1.0 ways of asking per entry", calibration.InUse(new RoutingOptions(), resolved)[2].Source);
    }

    [Fact]
    public void No_threshold_leaves_the_product_bounds()
    {
        // Every hand-over right and every small-talk prediction right: the targets are reached at 0.00.
        var turns = Turns().Where(t => t.ExpectedIntent == t.Intent.Intent || t.ExpectedIntent == Intents.Complaint).ToList();

        var (calibration, resolved) = RoutingCalibrator.Calibrate(turns, new RoutingOptions { IntentPrecision = 0.5, HandoverPrecision = 0.5 });

        Assert.Equal(CalibrationBounds.Handover.Floor, resolved.MinHandoverConfidence);
        Assert.True(resolved.MinIntentConfidence >= CalibrationBounds.Intent.Floor);
        Assert.Contains("kept within the product's bounds", calibration.InUse(new RoutingOptions(), resolved)[1].Source);
    }
}
