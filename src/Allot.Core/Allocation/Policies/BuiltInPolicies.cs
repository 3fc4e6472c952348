namespace Allot.Core.Allocation.Policies;

/// <summary>The policy shipped with Allot, as annotated JSON that <c>allot policy init</c> writes out for editing.</summary>
/// <remarks>Its values equal <see cref="AllocationPolicy"/>'s defaults (a test checks it).</remarks>
public static class BuiltInPolicies
{
    /// <summary>The default policy.</summary>
    public const string Default = """
        // Allocation policy: what makes a rep fit a customer, and the limits every proposal keeps.
        // A customer's fit with a rep is the sum of the weighted components below (points); the allocator
        // maximises the total fit of the whole book, less the balance cost, in one optimisation.
        {
          "name": "default",
          "description": "value to seniority, industry expertise, lifecycle skills, keep relationships, even books",
          "weights": {
            "seniority": 35,    // tier ↔ rep level, from the table below
            "expertise": 25,    // 1 when the customer's industry is one of the rep's (0.5 when either is unknown)
            "lifecycle": 15,    // the rep's skill (0–100) that the customer's lifecycle stage needs, / 100
            "continuity": 20,   // bonus for the current owner: a change must gain more than this to happen
            "performance": 5    // rep_performance below (0.5 for reps not listed)
          },
          // Tier (best first, as the classification run names them) → fit of each rep level in [0, 1].
          // A run whose tiers have other names (e.g. 高价值 / 潜力 / 普通) uses these rows by position.
          "seniority": {
            "A": { "senior": 1.0, "mid": 0.6, "junior": 0.2 },
            "B": { "senior": 0.7, "mid": 1.0, "junior": 0.6 },
            "C": { "senior": 0.3, "mid": 0.7, "junior": 1.0 }
          },
          // Lifecycle stage → the rep skill it needs: relationship | product | selling.
          "lifecycle": {
            "potential": "relationship", "new": "relationship", "growing": "relationship",
            "mature": "product",
            "declining": "selling", "dormant": "selling", "lost": "selling"
          },
          "region": "hard",          // hard: only reps serving the customer's region; soft: others at region_penalty
          "region_penalty": 30,      // points off outside the region when "soft"
          "rep_performance": {},     // rep key → performance in [0, 1], e.g. { "R0001": 0.9 }
          "capacity": { "default": 200 },  // accounts per rep when the rep record gives no capacity
          "workload": {},            // tier → workload units per account, e.g. { "A": 3, "B": 2, "C": 1 } (default 1)
          "balance": 1,              // points per workload unit above the rep's fair share, growing with each unit
          "locked": [],              // customer keys whose assignment is locked (they stay, using capacity)
          "do_not_move": [],         // customer keys that keep their owner
          "lock_key_accounts": false,// key accounts keep their owner
          "include_pool": false,     // also hand out customers sitting in the public pool (公海)
          "candidates": 12           // best reps kept per customer before solving (checked not to cut the optimum); 0 = all
        }
        """;
}
