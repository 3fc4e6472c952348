using Allot.Core.Allocation.Planning;
using Allot.Core.Allocation.Policies;
using Allot.Core.Reps;

namespace Allot.Core.Tests.Allocation;

public sealed class AllocatorTests
{
    private static readonly string[] Tiers = ["A", "B", "C"];
    private static readonly string[] Regions = ["East", "West", "North"];
    private static readonly string[] Industries = ["Retail", "Tech", "Food", "Auto"];

    /// <summary>A random book: reps with levels, skills, 1–2 regions, 1–2 industries, capacities; customers with tiers,
    /// stages, owners (some inactive or out-of-region), key accounts, pool members.</summary>
    private static AllocationRequest Book(int seed, int customers, int reps, AllocationPolicy? policy = null)
    {
        var rng = new Random(seed);
        var repList = new List<Rep>();
        for (int r = 0; r < reps; r++)
        {
            repList.Add(new Rep
            {
                Key = $"R{r:D2}",
                Level = (RepLevel)rng.Next(3),
                Regions = r < Regions.Length ? [Regions[r]] : [.. Regions.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3))],
                Industries = [.. Industries.OrderBy(_ => rng.Next()).Take(rng.Next(0, 3))],
                RelationshipSkill = rng.Next(30, 90), ProductSkill = rng.Next(30, 90), SellingSkill = rng.Next(30, 90),
                Capacity = rng.Next(2, 2 + 2 * customers / reps),
                Active = rng.NextDouble() > 0.1,
            });
        }
        string[] stages = ["new", "growing", "mature", "declining", "dormant"];
        var list = new List<AllocationCustomer>();
        for (int i = 0; i < customers; i++)
        {
            list.Add(new AllocationCustomer($"C{i:D3}", Regions[rng.Next(Regions.Length)], rng.NextDouble() < 0.9 ? Industries[rng.Next(Industries.Length)] : null,
                Tiers[rng.Next(3)], stages[rng.Next(stages.Length)], rng.NextDouble() < 0.7 ? repList[rng.Next(reps)].Key : null,
                rng.NextDouble() < 0.1, rng.NextDouble() < 0.05, Math.Round(rng.NextDouble() * 10000, 2)));
        }
        return new AllocationRequest(policy ?? new AllocationPolicy { Candidates = 0 }, Tiers, list, repList);
    }

    [Fact]
    public void Optimal_NeverWorseThanGreedyOrRoundRobin_AndEveryHardRuleHolds()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var locked = new AllocationPolicy { Candidates = 0, LockKeyAccounts = true, Locked = ["C001", "C002"], DoNotMove = ["C003"] };
            var request = Book(seed, 40, 6, locked);
            var optimal = Allocator.Plan(request, TestContext.Current.CancellationToken);
            var greedy = Allocator.Plan(request with { Strategy = AllocationStrategy.Greedy }, TestContext.Current.CancellationToken);
            var roundRobin = Allocator.Plan(request with { Strategy = AllocationStrategy.RoundRobin }, TestContext.Current.CancellationToken);
            Assert.True(optimal.Objective <= greedy.Objective, $"seed {seed}: optimal {optimal.Objective} > greedy {greedy.Objective}");
            Assert.True(optimal.Objective <= roundRobin.Objective, $"seed {seed}: optimal {optimal.Objective} > round robin {roundRobin.Objective}");
            foreach (var plan in new[] { optimal, greedy, roundRobin }) HardRulesHold(request, plan, seed);
        }
    }

    private static void HardRulesHold(AllocationRequest request, AllocationPlan plan, int seed)
    {
        var reps = request.Reps.ToDictionary(r => r.Key);
        var byKey = request.Customers.ToDictionary(c => c.Key);
        Assert.DoesNotContain(plan.Assignments, a => byKey[a.CustomerKey].InPool); // pool only when asked
        var load = new Dictionary<string, int>();
        foreach (var a in plan.Assignments)
        {
            var c = byKey[a.CustomerKey];
            bool ownerKnown = c.Owner is not null && reps.ContainsKey(c.Owner);
            bool fixedToOwner = ownerKnown && (request.Policy.Locked.Contains(c.Key) || request.Policy.DoNotMove.Contains(c.Key) || (request.Policy.LockKeyAccounts && c.KeyAccount));
            if (fixedToOwner) Assert.True(a.ProposedRep == c.Owner, $"seed {seed}: {c.Key} is fixed to {c.Owner} but goes to {a.ProposedRep}");
            if (!a.Placed)
            {
                Assert.Equal(c.Owner is not null && reps.ContainsKey(c.Owner) ? c.Owner : null, a.ProposedRep); // stays where it is
                continue;
            }
            var rep = reps[a.ProposedRep!];
            load[rep.Key] = load.GetValueOrDefault(rep.Key) + 1;
            if (!fixedToOwner)
            {
                Assert.True(rep.Active, $"seed {seed}: inactive {rep.Key} gets {c.Key}");
                Assert.True(FitModel.Serves(rep, c), $"seed {seed}: {rep.Key} does not serve {c.Region}");
            }
        }
        foreach (var (rep, n) in load)
        {
            int cap = reps[rep].Active ? reps[rep].Capacity ?? 0 : 0;
            int fixedThere = plan.Assignments.Count(a => a.ProposedRep == rep && a.Fixed is not null && a.Placed);
            Assert.True(n <= Math.Max(cap, fixedThere), $"seed {seed}: {rep} holds {n} > capacity {cap}");
        }
    }

    [Fact]
    public void Plan_IsDeterministic()
    {
        var request = Book(7, 120, 9);
        var a = Allocator.Plan(request, TestContext.Current.CancellationToken);
        var b = Allocator.Plan(request with { Customers = [.. request.Customers.Reverse()], Reps = [.. request.Reps.Reverse()] }, TestContext.Current.CancellationToken);
        Assert.Equal(a.Objective, b.Objective);
        Assert.Equal(a.Assignments.Select(x => (x.CustomerKey, x.ProposedRep, x.Reason)), b.Assignments.Select(x => (x.CustomerKey, x.ProposedRep, x.Reason)));
    }

    [Fact]
    public void Plan_EveryAssignmentExplainsItself()
    {
        var request = Book(3, 80, 8);
        var plan = Allocator.Plan(request, TestContext.Current.CancellationToken);
        foreach (var a in plan.Assignments)
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Reason));
            if (a.ProposedRep is null) continue;
            Assert.Contains(a.ProposedRep, a.Reason);
            if (!a.Placed) Assert.Equal(a.CurrentRep, a.ProposedRep);
            Assert.Contains("fit", a.Reason);
            if (a.RunnerUp is not null && a.RunnerUpFit > a.Fit.Total) Assert.NotNull(a.Binding); // a constraint decided
        }
        var repKeys = request.Reps.Select(r => r.Key).ToHashSet();
        Assert.Equal(plan.Assignments.Count(a => a.Changes && a.CurrentRep is not null && repKeys.Contains(a.CurrentRep)), plan.Quality.OwnerChanges);
        Assert.Equal(plan.Assignments.Where(a => a.Placed).Sum(a => a.Fit.Total), plan.Quality.TotalFit, 6);
        Assert.Equal(plan.Assignments.Count(a => !a.Placed), plan.Quality.Unassigned);
        Assert.Equal(plan.Reps.Sum(r => r.LoadAfter), plan.Assignments.Count(a => a.ProposedRep is not null));
        Assert.Equal(plan.Reps.Sum(r => r.Lost), plan.Assignments.Count(a => a.Changes && a.CurrentRep is not null && request.Reps.Any(x => x.Key == a.CurrentRep)));
        Assert.Equal(plan.Reps.Sum(r => r.Gained), plan.Assignments.Count(a => a.Changes));
    }

    [Fact]
    public void Continuity_KeepsOwners_UnlessAChangeGainsMoreThanTheBonus()
    {
        // One customer, two reps: the owner fits 10 points worse than the other rep on seniority alone.
        var reps = new List<Rep>
        {
            new() { Key = "OWNER", Level = RepLevel.Junior, Capacity = 5 },
            new() { Key = "OTHER", Level = RepLevel.Senior, Capacity = 5 },
        };
        var customer = new AllocationCustomer("C1", null, null, "A", null, "OWNER", false, false, 1);
        var weights = new FitWeights { Seniority = 10, Expertise = 0, Lifecycle = 0, Performance = 0, Continuity = 20 };
        var stays = Allocator.Plan(new AllocationRequest(new AllocationPolicy { Weights = weights, BalanceWeight = 0 }, Tiers, [customer], reps), TestContext.Current.CancellationToken);
        Assert.Equal("OWNER", stays.Assignments[0].ProposedRep);
        var moves = Allocator.Plan(new AllocationRequest(new AllocationPolicy { Weights = weights with { Continuity = 5 }, BalanceWeight = 0 }, Tiers, [customer], reps), TestContext.Current.CancellationToken);
        Assert.Equal("OTHER", moves.Assignments[0].ProposedRep);
        Assert.Contains("moves from OWNER to OTHER", moves.Assignments[0].Reason);
    }

    [Fact]
    public void FullRep_IsNamedAsTheBindingConstraint()
    {
        var reps = new List<Rep>
        {
            new() { Key = "SENIOR", Level = RepLevel.Senior, Capacity = 1 },
            new() { Key = "JUNIOR", Level = RepLevel.Junior, Capacity = 5 },
        };
        var weights = new FitWeights { Seniority = 10, Expertise = 0, Lifecycle = 0, Performance = 0, Continuity = 0 };
        var customers = new List<AllocationCustomer>
        {
            new("C1", null, null, "A", null, null, false, false, 100),
            new("C2", null, null, "A", null, null, false, false, 50),
        };
        var plan = Allocator.Plan(new AllocationRequest(new AllocationPolicy { Weights = weights, BalanceWeight = 0 }, Tiers, customers, reps), TestContext.Current.CancellationToken);
        var toJunior = Assert.Single(plan.Assignments, a => a.ProposedRep == "JUNIOR");
        Assert.Equal("SENIOR", toJunior.RunnerUp);
        Assert.Contains("SENIOR is full (1 of 1 accounts)", toJunior.Binding);
        Assert.True(toJunior.Margin < 0);
    }

    [Fact]
    public void WithoutRep_MovesItsCustomers_NewOnly_KeepsOwnedOnes()
    {
        var request = Book(11, 60, 6);
        string gone = request.Reps.First(r => r.Active).Key;
        var plan = Allocator.Plan(request with { WithoutReps = new HashSet<string> { gone } }, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(plan.Assignments, a => a.ProposedRep == gone);
        var newOnly = Allocator.Plan(request with { NewOnly = true }, TestContext.Current.CancellationToken);
        var reps = request.Reps.Select(r => r.Key).ToHashSet();
        foreach (var a in newOnly.Assignments)
            if (a.CurrentRep is not null && reps.Contains(a.CurrentRep)) Assert.Equal(a.CurrentRep, a.ProposedRep);
    }

    [Fact]
    public void WhyNot_CostEqualsTheChangeOfTheOptimumWhenForced()
    {
        // Forcing checked by re-solving with the customer locked to the rep (continuity weighs 0, so an owner changes
        // nothing but the lock): the answer must equal the change of the optimum exactly.
        var weights = new FitWeights { Continuity = 0 };
        int checkedCases = 0;
        for (int seed = 0; seed < 30; seed++)
        {
            var request = Book(100 + seed, 30, 5, new AllocationPolicy { Candidates = 0, Weights = weights });
            var plan = Allocator.Plan(request, TestContext.Current.CancellationToken);
            foreach (var a in plan.Assignments.Where(x => x.ProposedRep is not null && x.Fixed is null).Take(3))
            {
                var c = request.Customers.First(x => x.Key == a.CustomerKey);
                var target = request.Reps.FirstOrDefault(r => r.Key != a.ProposedRep && r.Active && FitModel.Serves(r, c) && (r.Capacity ?? 0) > 0);
                if (target is null) continue;
                var answer = Allocator.WhyNot(request, a.CustomerKey, target.Key);
                var forced = Allocator.Plan(request with
                {
                    Policy = request.Policy with { Locked = [c.Key] },
                    Customers = [.. request.Customers.Select(x => x.Key == c.Key ? x with { Owner = target.Key } : x)],
                }, TestContext.Current.CancellationToken);
                Assert.True(answer.Feasible, answer.Explanation);
                Assert.Equal(forced.Objective - plan.Objective, answer.Cost);
                Assert.True(answer.Cost >= 0);
                checkedCases++;
            }
        }
        Assert.True(checkedCases > 30, $"only {checkedCases} cases checked");
    }

    [Fact]
    public void MaxChanges_KeepsWithinTheCap_AndTheBoundBracketsTheCappedOptimum()
    {
        int checkedCases = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var request = Book(500 + seed, 7, 3, new AllocationPolicy { Candidates = 0, Weights = new FitWeights { Continuity = 5 } });
            request = request with { Reps = [.. request.Reps.Select(r => r with { Regions = [], Active = true })] }; // no forced moves
            var free = Allocator.Plan(request, TestContext.Current.CancellationToken);
            if (free.Quality.OwnerChanges < 2) continue;
            int cap = free.Quality.OwnerChanges / 2;
            var capped = Allocator.Plan(request with { MaxChanges = cap }, TestContext.Current.CancellationToken);
            var info = capped.ChangeCap!;
            if (!info.Met)
            {
                // Inactive owners force moves: even an unlimited bonus cannot keep within the cap, and that is said.
                Assert.True(info.Changes > cap, $"seed {seed}");
                continue;
            }
            Assert.True(capped.Quality.OwnerChanges <= cap, $"seed {seed}: {capped.Quality.OwnerChanges} > {cap}");
            Assert.True(capped.Objective >= free.Objective);
            Assert.True(info.LowerBound >= free.Objective && info.LowerBound <= capped.Objective);

            // Brute force: the cheapest feasible assignment within the cap lies between the bound and the proposal.
            var problem = Allocator.Problem(request);
            var owners = request.Customers.Where(c => !c.InPool).OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Owner is null ? -1 : request.Reps.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).ToList().IndexOf(c.Owner)).ToArray();
            long best = long.MaxValue;
            var x = new int[problem.CustomerCount];
            void Walk(int i)
            {
                if (i == x.Length)
                {
                    int changes = 0;
                    for (int j = 0; j < x.Length; j++) if (x[j] >= 0 && owners[j] >= 0 && x[j] != owners[j]) changes++;
                    if (changes <= cap && problem.Violations(x).Count == 0) best = Math.Min(best, problem.Cost(x));
                    return;
                }
                for (int r = -1; r < problem.RepCount; r++) { x[i] = r; Walk(i + 1); }
            }
            Walk(0);
            Assert.True(info.LowerBound <= best && best <= capped.Objective, $"seed {seed}: bound {info.LowerBound}, optimum {best}, proposal {capped.Objective}");
            checkedCases++;
        }
        Assert.True(checkedCases >= 10, $"only {checkedCases} cases");
    }
}
