using System.Net;
using SmbBot.Bot;

namespace SmbBot.UnitTests;

public class MessagesEndpointAccessTests
{
    [Theory]
    [InlineData(true, "203.0.113.7", true, true)]
    [InlineData(false, null, false, true)]
    [InlineData(false, "127.0.0.1", false, true)]
    [InlineData(false, "::1", false, true)]
    [InlineData(false, "127.0.0.1", true, false)]
    [InlineData(false, "203.0.113.7", false, false)]
    [InlineData(false, "192.168.1.20", false, false)]
    [InlineData(false, "::ffff:203.0.113.7", false, false)]
    public void Callers_without_an_app_id_must_be_this_machine_and_not_relayed(bool authEnabled, string? remote, bool relayed, bool allowed)
    {
        var problem = MessagesEndpointAccess.CallerProblem(authEnabled, remote is null ? null : IPAddress.Parse(remote), relayed);

        Assert.Equal(allowed, problem is null);
    }

    [Theory]
    [InlineData("http://localhost:3979/", true)]
    [InlineData("http://LOCALHOST/", true)]
    [InlineData("http://127.0.0.1:9/", true)]
    [InlineData("http://127.8.9.10/", true)]
    [InlineData("http://[::1]:9/", true)]
    [InlineData("http://localhost.example.com/", false)]
    [InlineData("http://169.254.169.254/", false)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("https://smba.trafficmanager.net/", false)]
    [InlineData("http://0.0.0.0:9/", false)]
    public void Without_an_app_id_replies_go_to_this_machine_only(string url, bool allowed)
    {
        Assert.Equal(allowed, MessagesEndpointAccess.ServiceUrlProblem(false, new Uri(url)) is null);
        Assert.Null(MessagesEndpointAccess.ServiceUrlProblem(true, new Uri(url)));
    }
}
