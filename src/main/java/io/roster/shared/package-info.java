/**
 * Small value types and the problem-detail exceptions every module throws. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.roster.shared;
