// LEMON peer for the allocation benchmark: reads a DIMACS min-cost flow file, solves it with LEMON's
// CostScaling (the default, PARTIAL_AUGMENT) or NetworkSimplex, and prints the minimum cost and the times.
// Build: g++ -O2 -o lemon_mcf lemon_mcf.cpp -lemon
#include <chrono>
#include <ctime>
#include <cstring>
#include <fstream>
#include <iostream>
#include <lemon/cost_scaling.h>
#include <lemon/dimacs.h>
#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

using namespace lemon;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

template <typename Solver>
static int report(Solver& solver, typename Solver::ProblemType result, double readSeconds, double solveSeconds, std::clock_t cpuStart) {
    double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    if (result != Solver::OPTIMAL) {
        std::cout << "status: " << (result == Solver::INFEASIBLE ? "infeasible" : "unbounded") << "\n";
        return 1;
    }
    std::cout << "objective: " << solver.template totalCost<long long>() << "\n"
              << "read_s: " << readSeconds << "\n"
              << "solve_s: " << solveSeconds << "\n"
              << "solve_cpu_s: " << cpuSeconds << "\n";
    return 0;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: lemon_mcf FILE.min [cost-scaling|network-simplex]\n";
        return 2;
    }
    bool simplex = argc > 2 && std::strcmp(argv[2], "network-simplex") == 0;
    auto start = Clock::now();
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 2;
    }
    SmartDigraph g;
    SmartDigraph::ArcMap<long long> lower(g), capacity(g), cost(g);
    SmartDigraph::NodeMap<long long> supply(g);
    readDimacsMin(in, g, lower, capacity, cost, supply);
    double readSeconds = since(start);
    std::cout << "nodes: " << countNodes(g) << "\narcs: " << countArcs(g) << "\n"
              << "algorithm: " << (simplex ? "NetworkSimplex" : "CostScaling") << "\n";

    start = Clock::now();
    std::clock_t cpuStart = std::clock();
    if (simplex) {
        NetworkSimplex<SmartDigraph, long long, long long> solver(g);
        solver.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
        auto result = solver.run();
        return report(solver, result, readSeconds, since(start), cpuStart);
    }
    CostScaling<SmartDigraph, long long, long long> solver(g);
    solver.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
    auto result = solver.run();
    return report(solver, result, readSeconds, since(start), cpuStart);
}
