using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// The data folder's disk fills up while the host serves: customers are told, nothing announced is lost, the host
/// stops with exit code 75 for the service manager to restart it, and it starts again on the same data once there is
/// room. The data folder is a small tmpfs of its own, so the test needs root or password-less sudo to mount it.
/// </summary>
public class StoreFaultTests
{
    [Fact]
    public async Task A_full_disk_stops_the_host_for_a_restart_and_loses_no_announced_ticket()
    {
        var mount = RepoPaths.NewTempFolder();
        Assert.True(Sudo($"mount -t tmpfs -o size=96m tmpfs {mount}"), "mounting a tmpfs needs root or password-less sudo");
        try
        {
            var environment = new Dictionary<string, string> { ["Storage__DataPath"] = mount, ["Backup__EveryHours"] = "0" };
            string number;
            using (var host = await HostProcess.StartAsync(environment))
            {
                number = await AskForPersonAsync(host.Client);
                Sudo($"sh -c \"dd if=/dev/zero of={mount}/filler bs=1M 2>/dev/null; true\"");

                var after = await host.Client.PostAsJsonAsync("/api/messages", Activities.Message($"full-{Guid.NewGuid():N}", "I want to talk to a person", expectReplies: true));
                var body = await after.Content.ReadAsStringAsync();
                Assert.True(after.StatusCode == HttpStatusCode.ServiceUnavailable || body.Contains("something went wrong on our side"), body);
                Assert.DoesNotContain("ticket T-", body);

                var exited = host.Process.WaitForExit(TimeSpan.FromSeconds(60));
                Assert.True(exited, "the host kept running on a store it cannot write");
                Assert.True(host.Process.ExitCode == 75, $"exit code {host.Process.ExitCode}: {await host.OutputAsync()}");
                Assert.Contains("the data file cannot be written", await host.OutputAsync());
            }

            File.Delete(Path.Combine(mount, "filler"));
            using var again = await HostProcess.StartAsync(environment);
            var ticket = await again.Client.GetAsync($"/health/ready");
            Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
            Assert.StartsWith("T-", await AskForPersonAsync(again.Client));
            Assert.True(File.Exists(Path.Combine(mount, "smbbot.db")));
            Assert.NotEqual(number, await AskForPersonAsync(again.Client));
        }
        finally
        {
            Sudo($"umount -l {mount}");
        }
    }

    private static async Task<string> AskForPersonAsync(HttpClient client)
    {
        var replies = await Activities.AskAsync(client, "I want to talk to a person", $"fault-{Guid.NewGuid():N}");
        return (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
    }

    private static bool Sudo(string command)
    {
        var asRoot = Environment.UserName == "root";
        using var p = Process.Start(new ProcessStartInfo(asRoot ? "sh" : "sudo", asRoot ? $"-c \"{command.Replace("\"", "\\\"")}\"" : $"-n sh -c \"{command.Replace("\"", "\\\"")}\"")
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
