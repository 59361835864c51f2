-- One fixed path (the one on wrk's command line): the hot-link and bare-servlet cases.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
