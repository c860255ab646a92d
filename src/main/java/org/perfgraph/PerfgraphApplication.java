package org.perfgraph;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class PerfgraphApplication { public static void main(String[] a){ SpringApplication.run(PerfgraphApplication.class,a);} }
