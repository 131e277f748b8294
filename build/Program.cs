using Releng.Build;
using Releng.Jobs.Secrets;

return await JobsHost.Create(Credentials.FromEnvironment()).RunAsync(args);
