#!/bin/bash
for round in 1 2; do
for v in before1 after1; do
  java -jar /tmp/s8/jars/$v.jar DispatchBenchmark -f 1 -wi 3 -i 5 -w 2 -r 2 -p strokes=0,10000 -p watched=true,false -rf json -rff $v-r$round.json > $v-r$round.txt 2>&1
done
done
