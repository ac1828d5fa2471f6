/*
 * measure RESULT [-a MS:COMMAND]... -- PROGRAM [ARG]...
 *
 * Runs PROGRAM and writes what it cost to RESULT as one JSON object: the wall time from
 * just before the fork to just after the wait (CLOCK_MONOTONIC, in ns), and from the
 * program's own rusage (wait4 on its pid) the user and system CPU time in microseconds,
 * the peak RSS in KiB and the voluntary and involuntary context switches.
 *
 * Used by benches/compare.sh instead of /usr/bin/time, whose %U and %S count in 10 ms
 * steps and whose own start-up would be counted with the program's. A small C parent
 * also keeps the peak RSS clean: a child's ru_maxrss starts at its parent's at the fork,
 * so a Python or shell parent would put a floor of several MiB under it.
 *
 * Each -a MS:COMMAND runs `sh -c COMMAND` MS milliseconds after the program started, in a
 * child of its own (with MEASURE_PID set to the program's pid), unless the program has
 * exited by then: the script uses it to capture the screen half-way, to press q in a
 * program that never exits by itself, and as a safety stop. It is not counted in RESULT.
 *
 * Exits with the program's exit status (128 + the signal if it was killed).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ACTIONS 8

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int usage(void) {
    fprintf(stderr, "usage: measure RESULT [-a MS:COMMAND]... -- PROGRAM [ARG]...\n");
    return 125;
}

static long long micros(struct timeval t) {
    return (long long)t.tv_sec * 1000000LL + t.tv_usec;
}

int main(int argc, char **argv) {
    if (argc < 4) return usage();
    const char *result = argv[1];
    long long at_ms[MAX_ACTIONS];
    char *command[MAX_ACTIONS];
    int actions = 0;
    int i = 2;
    while (i < argc && strcmp(argv[i], "--") != 0) {
        if (strcmp(argv[i], "-a") != 0 || i + 1 >= argc || actions == MAX_ACTIONS) return usage();
        char *colon = strchr(argv[i + 1], ':');
        if (colon == NULL) return usage();
        *colon = '\0';
        char *end;
        at_ms[actions] = strtoll(argv[i + 1], &end, 10);
        if (*end != '\0' || at_ms[actions] < 0) return usage();
        command[actions] = colon + 1;
        actions++;
        i += 2;
    }
    if (i + 1 >= argc) return usage();
    char **program = argv + i + 1;

    long long start = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 125;
    }
    if (pid == 0) {
        execvp(program[0], program);
        fprintf(stderr, "measure: %s: %s\n", program[0], strerror(errno));
        _exit(127);
    }

    pid_t action[MAX_ACTIONS];
    for (int k = 0; k < actions; k++) {
        action[k] = fork();
        if (action[k] == 0) {
            long long due = start + at_ms[k] * 1000000LL;
            struct timespec when = {due / 1000000000LL, due % 1000000000LL};
            while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, NULL) == EINTR) {
            }
            char pid_text[32];
            snprintf(pid_text, sizeof pid_text, "%d", (int)pid);
            setenv("MEASURE_PID", pid_text, 1);
            execl("/bin/sh", "sh", "-c", command[k], (char *)NULL);
            _exit(127);
        }
    }

    int status;
    struct rusage usage_of_program;
    while (wait4(pid, &status, 0, &usage_of_program) < 0) {
        if (errno != EINTR) {
            perror("measure: wait4");
            return 125;
        }
    }
    long long end = now_ns();

    /* An action not yet due is not wanted any more; one that is running is cut short. */
    for (int k = 0; k < actions; k++) {
        if (action[k] > 0) {
            kill(action[k], SIGTERM);
            waitpid(action[k], NULL, 0);
        }
    }

    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    char temporary[4096];
    snprintf(temporary, sizeof temporary, "%s.tmp", result);
    FILE *out = fopen(temporary, "w");
    if (out == NULL) {
        perror("measure: RESULT");
        return 125;
    }
    fprintf(out,
            "{\"wall_ns\": %lld, \"user_us\": %lld, \"sys_us\": %lld, \"maxrss_kib\": %ld, "
            "\"nvcsw\": %ld, \"nivcsw\": %ld, \"exit\": %d, \"signal\": %d}\n",
            end - start, micros(usage_of_program.ru_utime), micros(usage_of_program.ru_stime),
            usage_of_program.ru_maxrss, usage_of_program.ru_nvcsw, usage_of_program.ru_nivcsw,
            code, sig);
    if (fclose(out) != 0 || rename(temporary, result) != 0) {
        perror("measure: RESULT");
        return 125;
    }
    return sig ? 128 + sig : code;
}
