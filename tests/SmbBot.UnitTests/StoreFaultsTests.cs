using SmbBot.Core;

namespace SmbBot.UnitTests;

public class StoreFaultsTests
{
    private readonly StoreFaults _faults = new("/srv/smbbot/data");

    [Fact]
    public void A_failed_write_in_the_data_folder_is_a_fault_raised_once()
    {
        var raised = new List<Exception>();
        _faults.Fault += raised.Add;
        var full = new IOException("No space left on device : '/srv/smbbot/data/smbbot-log.db'");

        Assert.True(_faults.Report(new InvalidOperationException("turn failed", full)));
        Assert.True(_faults.Report(new AggregateException(new IOException("Read-only file system : '/srv/smbbot/data/smbbot.db'"))));

        Assert.Same(full, Assert.Single(raised));
        Assert.True(_faults.Faulted);
        Assert.Contains("No space left", _faults.Reason);
    }

    [Fact]
    public void Other_errors_are_not_store_faults()
    {
        Assert.False(_faults.Report(new IOException("Connection reset by peer")));
        Assert.False(_faults.Report(new HttpRequestException("Connection refused (127.0.0.1:9)")));
        Assert.False(_faults.Report(new IOException("No space left on device : '/tmp/upload.tmp'")));
        Assert.False(_faults.Report(new InvalidOperationException("boom")));
        Assert.False(_faults.Faulted);
    }
}
