namespace Releng.Jobs.GitHub;

/// <summary>Sends <c>repository_dispatch</c> events to the repository that holds the workflows.</summary>
public interface IRepositoryDispatcher
{
    Task SendAsync(RepositoryDispatch dispatch, CancellationToken cancellationToken = default);
}
