using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The failed sign-in store contract in memory, as one host keeps it.</summary>
public sealed class MemorySignInFailureStoreTests : SignInFailureStoreContract
{
    protected override ISignInFailureStore Store { get; } = new MemorySignInFailureStore();
}
