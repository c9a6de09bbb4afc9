# A thin front over CMake. `make demo` and `make test` each do their own set-up.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test demo sanitize bench-collection clean

all: build

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@./scripts/demo.sh $(BUILD)

# The end-to-end batch benchmark (docs/performance.md): 10 MB and 100 MB synthetic collections.
bench-collection: build
	@./scripts/bench-collection.sh $(BUILD)

sanitize:
	@$(MAKE) test BUILD=build-asan CMAKE_FLAGS="-DPARALIGN_SANITIZE=ON -DPARALIGN_BENCH=OFF"

clean:
	rm -rf $(BUILD) build-asan
