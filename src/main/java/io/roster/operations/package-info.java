/**
 * How a node behaves among others behind a load balancer: at shutdown it turns not-ready, keeps
 * answering while balancers drain it (asking clients to reconnect elsewhere), then lets the web
 * server finish its requests. Health and readiness themselves are Spring Boot's actuator probes.
 */
package io.roster.operations;
